using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// Runs one poller: lease, watermark window, paged reads from NetSuite, batched upserts to Salesforce,
/// per-record failures collected into one email, and the watermark advanced only after a run with no
/// persistent transient failure.
/// </summary>
public sealed partial class PollerEngine(
    StateLease lease,
    WatermarkStore watermarks,
    IStateStore state,
    FailureEmailSender email,
    TimeProvider time,
    ILogger<PollerEngine> logger,
    SyncOutcomeStore? outcomes = null,
    DaprSyncMetrics? metrics = null)
{
    // The replica part of each run's lease holder id; the engine is a singleton of the orchestrator.
    private readonly string _holder = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    public async Task<PollerRunResult> RunAsync<T>(
        string poller,
        string recordType,
        PollerOptions options,
        IPollerSource<T> source,
        IPollerSink<T> sink,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        var runId = $"{poller}-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var started = time.GetUtcNow();

        // The holder is this run, not this replica, so a second tick on the same replica is skipped too.
        var holder = $"{_holder}/{runId}";
        var paused = await FlowPauseStore.IsPausedAsync(state, poller, cancellationToken);
        if (paused || !options.Enabled || !await lease.TryAcquireAsync(poller, holder, options.LeaseDuration, cancellationToken))
        {
            var reason = paused ? "the flow is paused"
                : options.Enabled ? "another run holds the lease" : "the poller is disabled";
            RunSkipped(logger, poller, runId, reason);
            var current = await watermarks.ReadAsync(poller, options.DefaultStart, null, cancellationToken);
            var mark = current.Watermark.Value;
            return new PollerRunResult(poller, runId, PollerRunStatus.Skipped, started, started, 0, 0, 0, 0, 0, 0,
                mark, mark, TimeSpan.Zero, started);
        }

        try
        {
            await using var keeper = new LeaseKeeper(
                lease, poller, holder, options.LeaseDuration, time, logger, cancellationToken);
            var run = new PollerRun<T>(this, poller, recordType, runId, options, source, sink, started, keeper);
            return await run.ExecuteAsync(cancellationToken);
        }
        finally
        {
            await lease.ReleaseAsync(poller, holder, CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>, retrying a transient failure with exponential backoff. <paramref name="what"/>
    /// names the step in logs. <paramref name="operation"/> is its kind in the retry metric, from a fixed set.
    /// </summary>
    internal async Task<TResult> RetryAsync<TResult>(
        string poller,
        string runId,
        string what,
        string operation,
        PollerOptions options,
        Func<Task<TResult>> action,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (TransientPollerException exception) when (attempt < options.MaxAttempts && !exception.Permanent)
            {
                var delay = options.InitialBackoff * Math.Pow(2, attempt - 1);
                RetryingStep(logger, exception, poller, runId, what, attempt, delay);
                metrics?.RecordRetry(poller, operation);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    internal IStateStore State => state;

    internal WatermarkStore Watermarks => watermarks;

    internal FailureEmailSender Email => email;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Poller {Poller} run {RunId} skipped: {Reason}")]
    internal static partial void RunSkipped(ILogger logger, string poller, string runId, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Poller {Poller} run {RunId}: {Step} failed transiently (attempt {Attempt}); retrying in {Delay}")]
    internal static partial void RetryingStep(
        ILogger logger, Exception exception, string poller, string runId, string step, int attempt, TimeSpan delay);
}
