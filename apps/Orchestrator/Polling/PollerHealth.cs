using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Polling;

/// <summary>State the staleness alarm reads for a poller: its last completed run and its failing streak.</summary>
public sealed record PollerHealth(DateTimeOffset? LastCompletedAt, int ConsecutiveFailures, DateTimeOffset? AlarmRaisedAt);

/// <summary>Poller health in the state store, updated after every run that was not skipped.</summary>
public sealed class PollerHealthStore(IStateStore state)
{
    public async Task<PollerHealth> GetAsync(string poller, CancellationToken cancellationToken) =>
        (await state.GetAsync<PollerHealth>(Key(poller), cancellationToken))?.Value ?? new PollerHealth(null, 0, null);

    /// <summary>Records a run: a completed one resets the streak and clears a raised alarm.</summary>
    public async Task RecordRunAsync(PollerRunResult run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var current = await GetAsync(run.Poller, cancellationToken);
        var next = run.Status == PollerRunStatus.Completed
            ? new PollerHealth(run.FinishedAt, 0, null)
            : current with { ConsecutiveFailures = current.ConsecutiveFailures + 1 };
        await state.SaveAsync(Key(run.Poller), next, cancellationToken: cancellationToken);
    }

    public Task MarkAlarmRaisedAsync(string poller, PollerHealth health, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.SaveAsync(Key(poller), health with { AlarmRaisedAt = at }, cancellationToken: cancellationToken);

    private static string Key(string poller) => $"poller-health:{poller}";
}
