using DaprSync.Runtime;
using DaprSync.Runtime.Observability;

namespace DaprSync.Orchestrator.Polling;

/// <summary>The last completed or repeating run of each poller, in the state store.</summary>
public sealed class PollerRunLog(IStateStore state, PollerHealthStore health, DaprSyncMetrics? metrics = null)
{
    /// <summary>The health record that the staleness alarm reads, updated together with the last run.</summary>
    public PollerHealthStore Health => health;

    public Task SaveAsync(PollerRunResult run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        // A run is saved once when it ends, so this is where it is counted.
        metrics?.RecordSynced(run.Poller, run.Upserted);
        metrics?.RecordFailed(run.Poller, "POLLER_RECORD_FAILED", run.Failed);
        metrics?.RecordWorkflowDuration($"{run.Poller}-poller", run.Duration, run.Status.ToString());
        return state.SaveAsync(Key(run.Poller), run, cancellationToken: cancellationToken);
    }

    public async Task<PollerRunResult?> GetAsync(string poller, CancellationToken cancellationToken) =>
        (await state.GetAsync<PollerRunResult>(Key(poller), cancellationToken))?.Value;

    private static string Key(string poller) => $"poller-run:{poller}";
}
