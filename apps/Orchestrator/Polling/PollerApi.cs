using DaprSync.Contracts.NetSuite;
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

    /// <summary>Last run of each poller, by poller name, for the sandbox summary and operators.</summary>
    public static IEndpointRouteBuilder MapPollerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost($"/{InvoicePollerBinding}", RunInvoicePollerAsync);
        endpoints.MapPost($"/{RefundPollerBinding}", RunRefundPollerAsync);
        endpoints.MapGet("/sync/pollers/{poller}/last-run", async (string poller, PollerRunLog log, CancellationToken ct) =>
            await log.GetAsync(poller, ct) is { } run ? Results.Ok(run) : Results.NotFound());
        return endpoints;
    }

    private static async Task<IResult> RunRefundPollerAsync(
        PollerEngine engine,
        IOptionsMonitor<PollerOptions> options,
        RefundSource source,
        RefundSink sink,
        PollerRunLog log,
        CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync<NetSuiteRefund>(
            "refund", "Refund", options.Get("refund"), source, sink, cancellationToken);
        if (result.Status != PollerRunStatus.Skipped)
        {
            await log.SaveAsync(result, cancellationToken);
        }

        return Results.Ok(result);
    }

    private static async Task<IResult> RunInvoicePollerAsync(
        PollerEngine engine,
        IOptionsMonitor<PollerOptions> options,
        InvoiceSource source,
        InvoiceSink sink,
        PollerRunLog log,
        CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync<NetSuiteInvoice>(
            "invoice", "Invoice", options.Get("invoice"), source, sink, cancellationToken);
        if (result.Status != PollerRunStatus.Skipped)
        {
            await log.SaveAsync(result, cancellationToken);
        }

        return Results.Ok(result);
    }
}
