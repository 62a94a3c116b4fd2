using System.ServiceModel;
using System.Xml;
using System.Xml.Linq;
using DaprSync.NetSuiteSapi.Soap.Contracts;

namespace DaprSync.NetSuiteSapi.Soap;

/// <summary>
/// A SOAP fault from NetSuite: the detail element's name (for example <c>exceededConcurrentRequestLimitFault</c>),
/// its <c>code</c> and <c>message</c>, and the fault string.
/// </summary>
public sealed record NetSuiteSoapFault(string? FaultName, string? Code, string Message)
{
    /// <summary>
    /// True for the faults NetSuite raises when an account or session has too many requests at once. They clear when
    /// earlier requests finish, so the call is retried.
    /// </summary>
    public bool IsConcurrencyLimit =>
        FaultName is "exceededConcurrentRequestLimitFault" or "exceededRequestLimitFault"
        || Code is "WS_CONCUR_SESSION_DISALLWD" or "WS_REQUEST_BLOCKED" or "WS_EXCEEDED_CONCUR_USERS_ALLOWED";

    /// <summary>True when NetSuite rejected the token passport (<c>invalidCredentialsFault</c>).</summary>
    public bool IsInvalidCredentials => FaultName is "invalidCredentialsFault" or "invalidSessionFault";
}

/// <summary>Thrown when NetSuite answers a SOAP call with a fault that is not retried, or retries ran out.</summary>
public sealed class NetSuiteSoapFaultException(NetSuiteSoapFault fault, string operation)
    : Exception($"NetSuite SOAP {operation} failed with {fault.FaultName ?? "a fault"} {fault.Code}: {fault.Message}")
{
    public NetSuiteSoapFault Fault { get; } = fault;
}

/// <summary>Thrown when a SOAP call fails below the SOAP layer: connection refused, timeout, non-SOAP reply.</summary>
public sealed class NetSuiteSoapTransportException(string operation, Exception inner)
    : Exception($"NetSuite SOAP {operation} failed: {inner.Message}", inner);

/// <summary>Reads NetSuite's fault detail out of a WCF <see cref="FaultException"/>.</summary>
public static class SoapFaults
{
    public static NetSuiteSoapFault Parse(FaultException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var fault = exception.CreateMessageFault();
        var text = fault.Reason.GetMatchingTranslation()?.Text ?? exception.Message;
        if (!fault.HasDetail)
        {
            return new NetSuiteSoapFault(null, null, text);
        }

        using var reader = fault.GetReaderAtDetailContents();
        while (reader.NodeType != XmlNodeType.Element && reader.Read())
        {
        }

        if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != SoapNamespaces.Faults)
        {
            return new NetSuiteSoapFault(null, null, text);
        }

        var detail = (XElement)XNode.ReadFrom(reader);
        XNamespace faults = SoapNamespaces.Faults;
        return new NetSuiteSoapFault(
            detail.Name.LocalName,
            detail.Element(faults + "code")?.Value,
            detail.Element(faults + "message")?.Value ?? text);
    }
}
