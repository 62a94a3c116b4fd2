using System.Xml;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// The SOAP port <c>POST /services/NetSuitePort_2023_2</c>: reads the envelope, verifies the token passport and
/// handles <c>add</c>, <c>update</c>, <c>upsert</c>, <c>get</c> and <c>getList</c> of Sales Orders. Other records and
/// operations get the fault NetSuite gives for an unsupported request. A <c>getList</c> takes at most
/// <see cref="GetListMaxRecords"/> references, NetSuite's limit for a synchronous call.
/// </summary>
public static class SoapEndpoint
{
    public const int GetListMaxRecords = 1000;

    public static WebApplicationBuilder AddNetSuiteSoapPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SalesOrderStore>();
        builder.Services.AddSingleton<SoapFaultInjection>();
        builder.Services.AddSingleton<TokenPassportVerifier>();
        builder.Services.AddSingleton<SalesOrderWrites>();
        builder.Services.AddSingleton<SoapTraffic>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNetSuiteSoapPort(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(SoapXml.PortPath, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        TokenPassportVerifier verifier,
        SoapFaultInjection injection,
        SalesOrderWrites writes,
        SalesOrderStore store,
        NetSuiteCallCounter calls,
        SoapTraffic traffic,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SoapEndpoint));
        XDocument envelope;
        try
        {
            envelope = await XDocument.LoadAsync(request.Body, LoadOptions.None, cancellationToken);
        }
        catch (XmlException exception)
        {
            return Fault("unexpectedErrorFault", "UNEXPECTED_ERROR", "The request is not valid XML: "
                + exception.Message);
        }

        var body = envelope.Root?.Element(SoapXml.Envelope + "Body")?.Elements().FirstOrDefault();
        var operation = body?.Name.Namespace == SoapXml.Messages ? body.Name.LocalName : null;
        calls.Increment("POST " + SoapXml.PortPath + " " + (operation ?? "unknown"));
        return await traffic.RunAsync(request.HttpContext, operation, () =>
            Handle(envelope, body, operation, verifier, injection, writes, store, logger));
    }

    private static IResult Handle(
        XDocument envelope,
        XElement? body,
        string? operation,
        TokenPassportVerifier verifier,
        SoapFaultInjection injection,
        SalesOrderWrites writes,
        SalesOrderStore store,
        ILogger logger)
    {
        var rejection = verifier.Verify(envelope.Root?.Element(SoapXml.Envelope + "Header"));
        if (rejection is not null)
        {
            SoapEndpointLog.LoginRejected(logger, rejection);
            return Fault("invalidCredentialsFault", "INVALID_LOGIN_ATTEMPT", "Invalid login attempt.");
        }

        if (injection.TryTake(out var injected))
        {
            return Fault(injected!.FaultElement, injected.Code, injected.Message);
        }

        return operation switch
        {
            "add" or "update" or "upsert" => WriteRecord(operation, body!, writes),
            "get" => Read(body!, store),
            "getList" => ReadList(body!, store),
            _ => Fault("unexpectedErrorFault", "UNEXPECTED_ERROR",
                $"The operation {body?.Name} is not supported by the emulator's SOAP port."),
        };
    }

    private static IResult WriteRecord(string operation, XElement body, SalesOrderWrites writes)
    {
        var record = body.Element(SoapXml.Messages + "record");
        if (record is null || SoapXml.XsiType(record) != SoapXml.Sales + "SalesOrder")
        {
            return Fault("unexpectedErrorFault", "INVALID_RCRD_TYPE",
                "The record type is missing or not supported; the emulator handles tranSales:SalesOrder.");
        }

        var input = SalesOrderInput.Parse(record);
        var (order, error) = writes.Write(operation, input);
        return Xml(SoapResponses.Write(operation, order, error, input.ExternalId), StatusCodes.Status200OK);
    }

    private static IResult Read(XElement body, SalesOrderStore store)
    {
        var reference = body.Element(SoapXml.Messages + "baseRef");
        var order = reference is null ? null : Find(reference, store);
        var error = order is null ? new StatusError("RCRD_DSNT_EXIST", "That record does not exist.") : null;
        return Xml(SoapResponses.Read(order, error), StatusCodes.Status200OK);
    }

    // NOTE: the fault code for a getList over the limit was not checked against a live account; the fault element
    // is the WSDL's exceededRecordCountFault.
    private static IResult ReadList(XElement body, SalesOrderStore store)
    {
        var references = body.Elements(SoapXml.Messages + "baseRef").ToList();
        if (references.Count > GetListMaxRecords)
        {
            return Fault("exceededRecordCountFault", "EXCEEDED_MAX_RECORDS",
                $"The request has {references.Count} records; getList takes at most {GetListMaxRecords}.");
        }

        var reads = references.Select(reference =>
        {
            var order = Find(reference, store);
            return (order, order is null ? new StatusError("RCRD_DSNT_EXIST", "That record does not exist.") : null);
        }).ToList();
        return Xml(SoapResponses.ReadList(reads), StatusCodes.Status200OK);
    }

    private static NetSuiteSalesOrder? Find(XElement reference, SalesOrderStore store)
    {
        if ((string?)reference.Attribute("type") is { } type && type != "salesOrder")
        {
            return null;
        }

        var internalId = (string?)reference.Attribute("internalId");
        var externalId = (string?)reference.Attribute("externalId");
        return internalId is not null ? store.Find(internalId)
            : externalId is not null ? store.FindByExternalId(externalId) : null;
    }

    private static IResult Fault(string element, string code, string message) =>
        SoapResults.Fault(new InjectedSoapFault(element, code, message));

    private static IResult Xml(XDocument document, int status) => SoapResults.Xml(document, status);
}

/// <summary>HTTP results that carry a SOAP envelope.</summary>
internal static class SoapResults
{
    /// <summary>A SOAP fault, sent with HTTP 500 as SOAP 1.1 requires.</summary>
    public static IResult Fault(InjectedSoapFault fault) =>
        Xml(SoapResponses.Fault(fault.FaultElement, fault.Code, fault.Message), StatusCodes.Status500InternalServerError);

    public static IResult Xml(XDocument document, int status) =>
        Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml; charset=utf-8", statusCode: status);
}

internal static partial class SoapEndpointLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "Rejected a SOAP call's token passport: {Reason}")]
    public static partial void LoginRejected(ILogger logger, string reason);
}
