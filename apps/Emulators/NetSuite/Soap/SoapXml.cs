using System.Xml.Linq;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>XML namespaces of SuiteTalk 2023_2, the version the emulator's SOAP port serves.</summary>
internal static class SoapXml
{
    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Messages = "urn:messages_2023_2.platform.webservices.netsuite.com";
    public static readonly XNamespace Core = "urn:core_2023_2.platform.webservices.netsuite.com";
    public static readonly XNamespace Common = "urn:common_2023_2.platform.webservices.netsuite.com";
    public static readonly XNamespace Sales = "urn:sales_2023_2.transactions.webservices.netsuite.com";
    public static readonly XNamespace Faults = "urn:faults_2023_2.platform.webservices.netsuite.com";

    public const string PortPath = "/services/NetSuitePort_2023_2";

    /// <summary>Resolves an <c>xsi:type</c> value such as <c>q1:SalesOrder</c> against the element's prefixes.</summary>
    public static XName? XsiType(XElement element)
    {
        var value = (string?)element.Attribute(Xsi + "type");
        if (value is null)
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : value[..colon];
        var ns = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
        return ns is null ? null : ns + value[(colon + 1)..];
    }
}
