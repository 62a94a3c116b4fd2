using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// One flow on the status page. For a poller the figures come from its last run and <see cref="Lag"/> is the
/// time since its watermark; for an event flow they count its recorded outcomes.
/// </summary>
public sealed record FlowStatus(
    string Flow,
    bool IsPoller,
    FlowPause? Pause,
    PollerRunResult? LastRun,
    TimeSpan? Lag,
    int Synced,
    int Failed,
    DateTimeOffset? LastOutcomeAt);

/// <summary>Everything the status page shows, read at one moment.</summary>
public sealed record StatusPageModel(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<FlowStatus> Flows,
    IReadOnlyList<SyncOutcome> OpenFailures,
    IReadOnlyList<SyncOutcome> RecentlyResolved,
    SystemApiFigures SystemApis,
    int DeadLetters);

/// <summary>Reads the status page's figures from the outcome store, the poller run log and the System APIs.</summary>
public sealed class StatusPageReader(
    SyncOutcomeStore outcomes,
    PollerRunLog runs,
    FlowPauseStore pauses,
    DeadLetterStore deadLetters,
    SystemApiStatusReader systemApis,
    TimeProvider time)
{
    /// <summary>Resolved failures shown under the open ones, newest first.</summary>
    public const int RecentlyResolvedCount = 20;

    public async Task<StatusPageModel> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var flows = new List<FlowStatus>();
        foreach (var flow in SyncFlows.EventFlows)
        {
            var recorded = await outcomes.ListAsync(flow, cancellationToken);
            flows.Add(new FlowStatus(
                flow,
                IsPoller: false,
                await pauses.GetAsync(flow, cancellationToken),
                LastRun: null,
                Lag: null,
                recorded.Count(o => o.Outcome == SyncOutcomes.Synced),
                recorded.Count(o => o.Outcome == SyncOutcomes.Failed),
                recorded.Count == 0 ? null : recorded.Max(o => o.LastSeen)));
        }

        foreach (var poller in SyncFlows.Pollers)
        {
            var run = await runs.GetAsync(poller, cancellationToken);
            flows.Add(new FlowStatus(
                poller,
                IsPoller: true,
                await pauses.GetAsync(poller, cancellationToken),
                run,
                run is null ? null : now - run.WatermarkAfter,
                run?.Upserted ?? 0,
                run?.Failed ?? 0,
                run?.FinishedAt));
        }

        var failures = await outcomes.ListFailuresAsync(null, null, cancellationToken);
        var resolved = failures
            .Where(f => f.Status == FailureStatus.Resolved)
            .OrderByDescending(f => f.ResolvedAt)
            .Take(RecentlyResolvedCount)
            .ToList();
        return new StatusPageModel(
            now,
            flows,
            [.. failures.Where(f => f.IsOpenFailure)],
            resolved,
            await systemApis.ReadAsync(cancellationToken),
            (await deadLetters.ListAsync(cancellationToken)).Count(l => l.Replays == 0));
    }
}
