using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Polling;

/// <summary>The last completed or repeating run of each poller, in the state store.</summary>
public sealed class PollerRunLog(IStateStore state, PollerHealthStore health)
{
    /// <summary>The health record that the staleness alarm reads, updated together with the last run.</summary>
    public PollerHealthStore Health => health;

    public Task SaveAsync(PollerRunResult run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return state.SaveAsync(Key(run.Poller), run, cancellationToken: cancellationToken);
    }

    public async Task<PollerRunResult?> GetAsync(string poller, CancellationToken cancellationToken) =>
        (await state.GetAsync<PollerRunResult>(Key(poller), cancellationToken))?.Value;

    private static string Key(string poller) => $"poller-run:{poller}";
}
