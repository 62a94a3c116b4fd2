namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>
/// XML namespaces of SuiteTalk 2023_2, the one WSDL version ns-sapi speaks. Moving to another version means
/// changing the year and release in these strings and in <see cref="PortPath"/>, and checking the schema diff.
/// </summary>
public static class SoapNamespaces
{
    public const string Messages = "urn:messages_2023_2.platform.webservices.netsuite.com";

    public const string Core = "urn:core_2023_2.platform.webservices.netsuite.com";

    public const string Common = "urn:common_2023_2.platform.webservices.netsuite.com";

    public const string Sales = "urn:sales_2023_2.transactions.webservices.netsuite.com";

    public const string Faults = "urn:faults_2023_2.platform.webservices.netsuite.com";

    /// <summary>Path of the SOAP port on the account's SuiteTalk host.</summary>
    public const string PortPath = "/services/NetSuitePort_2023_2";
}
