using System.Globalization;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// Builds replies in NetSuite's shapes: <c>writeResponse</c>, <c>readResponse</c> and <c>readResponseList</c> with a <c>platformCore:status</c>,
/// and SOAP 1.1 faults whose detail is a <c>platformFaults</c> element with <c>code</c> and <c>message</c>.
/// </summary>
internal static class SoapResponses
{
    public static XDocument Write(string operation, NetSuiteSalesOrder? order, StatusError? error, string? externalId)
    {
        var reference = new XElement(SoapXml.Messages + "baseRef",
            new XAttribute(XNamespace.Xmlns + "platformCore", SoapXml.Core),
            order is null ? null : new XAttribute("internalId", order.Id),
            (order?.ExternalId ?? externalId) is { } external ? new XAttribute("externalId", external) : null,
            new XAttribute("type", "salesOrder"),
            new XAttribute(SoapXml.Xsi + "type", "platformCore:RecordRef"));
        var body = new XElement(SoapXml.Messages + (operation + "Response"),
            new XElement(SoapXml.Messages + "writeResponse", Status(error), reference));
        return Envelope(body);
    }

    public static XDocument Read(NetSuiteSalesOrder? order, StatusError? error)
    {
        var readResponse = new XElement(SoapXml.Messages + "readResponse", Status(error));
        if (order is not null)
        {
            readResponse.Add(SalesOrderXml.ToRecord(order));
        }

        return Envelope(new XElement(SoapXml.Messages + "getResponse", readResponse));
    }

    /// <summary>The reply to <c>getList</c>: one <c>readResponse</c> per reference, in the request's order.</summary>
    public static XDocument ReadList(IEnumerable<(NetSuiteSalesOrder? Order, StatusError? Error)> reads)
    {
        var list = new XElement(SoapXml.Messages + "readResponseList", Status(null));
        foreach (var (order, error) in reads)
        {
            var readResponse = new XElement(SoapXml.Messages + "readResponse", Status(error));
            if (order is not null)
            {
                readResponse.Add(SalesOrderXml.ToRecord(order));
            }

            list.Add(readResponse);
        }

        return Envelope(new XElement(SoapXml.Messages + "getListResponse", list));
    }

    /// <summary>A fault such as <c>exceededConcurrentRequestLimitFault</c>, sent with HTTP 500.</summary>
    public static XDocument Fault(string faultElement, string code, string message) =>
        new(new XElement(SoapXml.Envelope + "Envelope",
            Namespaces(),
            new XElement(SoapXml.Envelope + "Body",
                new XElement(SoapXml.Envelope + "Fault",
                    new XElement("faultcode", "soapenv:Server.userException"),
                    new XElement("faultstring", message),
                    new XElement("detail",
                        new XElement(SoapXml.Faults + faultElement,
                            new XAttribute(XNamespace.Xmlns + "platformFaults", SoapXml.Faults),
                            new XElement(SoapXml.Faults + "code", code),
                            new XElement(SoapXml.Faults + "message", message)))))));

    private static XElement Status(StatusError? error) =>
        new(SoapXml.Core + "status",
            new XAttribute(XNamespace.Xmlns + "platformCore", SoapXml.Core),
            new XAttribute("isSuccess", error is null ? "true" : "false"),
            error is null
                ? new XElement(SoapXml.Core + "statusDetail",
                    new XElement(SoapXml.Core + "afterSubmitFailed", "false"))
                : new XElement(SoapXml.Core + "statusDetail",
                    new XAttribute("type", "ERROR"),
                    new XElement(SoapXml.Core + "code", error.Code),
                    new XElement(SoapXml.Core + "message", error.Message)));

    private static XDocument Envelope(XElement body) =>
        new(new XElement(SoapXml.Envelope + "Envelope",
            Namespaces(),
            new XElement(SoapXml.Envelope + "Header",
                new XElement(SoapXml.Messages + "documentInfo",
                    new XAttribute(XNamespace.Xmlns + "platformMsgs", SoapXml.Messages),
                    new XElement(SoapXml.Messages + "nsId", "WEBSERVICES_EMULATOR_"
                        + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)))),
            new XElement(SoapXml.Envelope + "Body", body)));

    private static object[] Namespaces() =>
    [
        new XAttribute(XNamespace.Xmlns + "soapenv", SoapXml.Envelope),
        new XAttribute(XNamespace.Xmlns + "xsd", SoapXml.Xsd),
        new XAttribute(XNamespace.Xmlns + "xsi", SoapXml.Xsi),
    ];
}
