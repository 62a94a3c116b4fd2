using DaprSync.Contracts.NetSuite;
using DaprSync.Orchestrator.Fulfilments;
using DaprSync.Orchestrator.Invoices;
using DaprSync.Orchestrator.Refunds;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// The cron binding endpoints: Dapr's <c>bindings.cron</c> (or the in-process scheduler) POSTs
/// <c>/{binding-name}</c> on every tick, on every replica; the poller's lease lets one of them run.
/// </summary>
public static class PollerApi
{
    public const string InvoicePollerBinding = "invoice-poller";

    public const string RefundPollerBinding = "refund-poller";

    public const string FulfilmentPollerBinding = "fulfilment-poller";

    /// <summary>Last run of each poller, by poller name, for the sandbox summary and operators.</summary>
    public static IEndpointRouteBuilder MapPollerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost($"/{InvoicePollerBinding}", RunInvoicePollerAsync);
        endpoints.MapPost($"/{RefundPollerBinding}", RunRefundPollerAsync);
        endpoints.MapPost($"/{FulfilmentPollerBinding}", RunFulfilmentPollerAsync);
        endpoints.MapGet("/sync/pollers/{poller}/last-run", async (string poller, PollerRunLog log, CancellationToken ct) =>
            await log.GetAsync(poller, ct) is { } run ? Results.Ok(run) : Results.NotFound());
        return endpoints;
    }

    private static Task<IResult> RunRefundPollerAsync(
        PollerEngine engine, IOptionsMonitor<PollerOptions> options, RefundSource source, RefundSink sink,
        PollerRunLog log, CancellationToken cancellationToken) =>
        RunAsync<PolledChange<NetSuiteRefund>>(engine, options, "refund", "Refund", source, sink, log, cancellationToken);

    private static Task<IResult> RunFulfilmentPollerAsync(
        PollerEngine engine, IOptionsMonitor<PollerOptions> options, FulfilmentSource source, FulfilmentSink sink,
        PollerRunLog log, CancellationToken cancellationToken) =>
        RunAsync<PolledChange<NetSuiteFulfilment>>(
            engine, options, "fulfilment", "Fulfilment", source, sink, log, cancellationToken);

    private static Task<IResult> RunInvoicePollerAsync(
        PollerEngine engine, IOptionsMonitor<PollerOptions> options, InvoiceSource source, InvoiceSink sink,
        PollerRunLog log, CancellationToken cancellationToken) =>
        RunAsync<PolledChange<NetSuiteInvoice>>(
            engine, options, "invoice", "Invoice", source, sink, log, cancellationToken);

    private static async Task<IResult> RunAsync<T>(
        PollerEngine engine,
        IOptionsMonitor<PollerOptions> options,
        string poller,
        string recordType,
        IPollerSource<T> source,
        IPollerSink<T> sink,
        PollerRunLog log,
        CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync(poller, recordType, options.Get(poller), source, sink, cancellationToken);
        if (result.Status != PollerRunStatus.Skipped)
        {
            await log.SaveAsync(result, cancellationToken);
            await log.Health.RecordRunAsync(result, cancellationToken);
        }

        return Results.Ok(result);
    }
}
