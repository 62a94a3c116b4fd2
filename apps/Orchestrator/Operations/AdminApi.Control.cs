using DaprSync.Orchestrator.Fulfilments;
using DaprSync.Orchestrator.Invoices;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Refunds;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Operations;

/// <summary>Body of a pause request; <see cref="Reason"/> is shown on the status page.</summary>
public sealed record PauseRequest(string? Reason);

/// <summary>Body of a watermark reset; <see cref="To"/> defaults to the poller's <c>DefaultStart</c>.</summary>
public sealed record WatermarkResetRequest(DateTimeOffset? To);

/// <summary>The flow controls: pollers, watermarks, pause, dead letters and dry runs.</summary>
public static partial class AdminApi
{
    private static void MapControl(RouteGroupBuilder admin)
    {
        admin.MapPost("/pollers/{poller}/run", RunPollerAsync);
        admin.MapPost("/pollers/{poller}/watermark/reset", ResetWatermarkAsync);
        admin.MapGet("/flows/{flow}/pause", GetPauseAsync);
        admin.MapPost("/flows/{flow}/pause", PauseAsync);
        admin.MapPost("/flows/{flow}/resume", ResumeAsync);
        admin.MapGet("/dead-letters", async (DeadLetterStore letters, CancellationToken ct) =>
            TypedResults.Ok(await letters.ListAsync(ct)));
        admin.MapPost("/dead-letters/replay", DeadLetterReplay.ReplayAllAsync);
        admin.MapPost("/dead-letters/{messageId}/replay", DeadLetterReplay.ReplayOneAsync);
        admin.MapPost("/dry-run/customer/{accountId}", CustomerDryRun.RunAsync);
        admin.MapPost("/dry-run/order/{orderId}", OrderDryRun.RunAsync);
        admin.MapGet("/status", StatusPage.RenderFragmentAsync);
    }

    private static async Task<IResult> RunPollerAsync(
        string poller, IServiceProvider services, PollerEngine engine, IOptionsMonitor<PollerOptions> options,
        PollerRunLog log, CancellationToken cancellationToken)
    {
        // The same steps as the cron binding endpoint: run, then keep the run unless it was skipped.
        PollerRunResult result;
        switch (poller)
        {
            case "invoice":
                result = await engine.RunAsync(poller, "Invoice", options.Get(poller),
                    services.GetRequiredService<InvoiceSource>(), services.GetRequiredService<InvoiceSink>(), cancellationToken);
                break;
            case "refund":
                result = await engine.RunAsync(poller, "Refund", options.Get(poller),
                    services.GetRequiredService<RefundSource>(), services.GetRequiredService<RefundSink>(), cancellationToken);
                break;
            case "fulfilment":
                result = await engine.RunAsync(poller, "Fulfilment", options.Get(poller),
                    services.GetRequiredService<FulfilmentSource>(), services.GetRequiredService<FulfilmentSink>(),
                    cancellationToken);
                break;
            default:
                return SyncFlows.PollerNotFound(poller);
        }

        if (result.Status != PollerRunStatus.Skipped)
        {
            await log.SaveAsync(result, cancellationToken);
            await log.Health.RecordRunAsync(result, cancellationToken);
        }

        return TypedResults.Ok(result);
    }

    private static async Task<IResult> ResetWatermarkAsync(
        string poller, HttpRequest http, WatermarkStore watermarks, IOptionsMonitor<PollerOptions> options,
        ILogger<PollerEngine> logger, CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsPoller(poller))
        {
            return SyncFlows.PollerNotFound(poller);
        }

        var (request, problem) = await AdminRequestBody.ReadAsync<WatermarkResetRequest>(
            http, """{"to":"2026-01-01T00:00:00Z"}""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var value = request?.To ?? options.Get(poller).DefaultStart;
        await watermarks.ResetAsync(poller, value, cancellationToken);
        OperationsLog.WatermarkReset(logger, poller, value);
        return TypedResults.Ok(new { poller, watermark = value });
    }

    private static async Task<IResult> GetPauseAsync(string flow, FlowPauseStore pauses, CancellationToken cancellationToken) =>
        SyncFlows.IsKnown(flow)
            ? TypedResults.Ok(new { flow, paused = await pauses.GetAsync(flow, cancellationToken) })
            : SyncFlows.FlowNotFound(flow);

    private static async Task<IResult> PauseAsync(
        string flow, HttpRequest http, FlowPauseStore pauses, ILogger<FlowPauseStore> logger,
        CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        var (request, problem) = await AdminRequestBody.ReadAsync<PauseRequest>(
            http, """{"reason":"NetSuite upgrade"}""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // A repeated pause without a reason keeps the first pause, so its reason and time stay on the status page.
        if (request?.Reason is null && await pauses.GetAsync(flow, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(existing);
        }

        var pause = await pauses.PauseAsync(flow, request?.Reason, cancellationToken);
        OperationsLog.FlowPaused(logger, flow, request?.Reason);
        return TypedResults.Ok(pause);
    }

    private static async Task<IResult> ResumeAsync(
        string flow, FlowPauseStore pauses, ILogger<FlowPauseStore> logger, CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        var resumed = await pauses.ResumeAsync(flow, cancellationToken);
        if (resumed)
        {
            OperationsLog.FlowResumed(logger, flow);
        }

        return TypedResults.Ok(new { flow, resumed });
    }
}
