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
        admin.MapGet("/flows/{flow}/pause", async (string flow, FlowPauseStore pauses, CancellationToken ct) =>
            TypedResults.Ok(new { flow, paused = await pauses.GetAsync(flow, ct) }));
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
            default:
                return UnknownPoller(poller);
        }

        if (result.Status != PollerRunStatus.Skipped)
        {
            await log.SaveAsync(result, cancellationToken);
            await log.Health.RecordRunAsync(result, cancellationToken);
        }

        return TypedResults.Ok(result);
    }

    private static async Task<IResult> ResetWatermarkAsync(
        string poller, WatermarkResetRequest? request, WatermarkStore watermarks, IOptionsMonitor<PollerOptions> options,
        ILogger<PollerEngine> logger, CancellationToken cancellationToken)
    {
        if (poller is not ("invoice" or "refund"))
        {
            return UnknownPoller(poller);
        }

        var value = request?.To ?? options.Get(poller).DefaultStart;
        await watermarks.ResetAsync(poller, value, cancellationToken);
        OperationsLog.WatermarkReset(logger, poller, value);
        return TypedResults.Ok(new { poller, watermark = value });
    }

    private static async Task<IResult> PauseAsync(
        string flow, PauseRequest? request, FlowPauseStore pauses, ILogger<FlowPauseStore> logger,
        CancellationToken cancellationToken)
    {
        var pause = await pauses.PauseAsync(flow, request?.Reason, cancellationToken);
        OperationsLog.FlowPaused(logger, flow, request?.Reason);
        return TypedResults.Ok(pause);
    }

    private static async Task<IResult> ResumeAsync(
        string flow, FlowPauseStore pauses, ILogger<FlowPauseStore> logger, CancellationToken cancellationToken)
    {
        var resumed = await pauses.ResumeAsync(flow, cancellationToken);
        if (resumed)
        {
            OperationsLog.FlowResumed(logger, flow);
        }

        return TypedResults.Ok(new { flow, resumed });
    }

    private static IResult UnknownPoller(string poller) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Poller not found",
            detail: $"Poller '{poller}' does not exist; use invoice or refund.");
}
