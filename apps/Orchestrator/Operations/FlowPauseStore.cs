using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Operations;

/// <summary>A paused flow: who paused it is not known, only when and why.</summary>
public sealed record FlowPause(string Flow, DateTimeOffset PausedAt, string? Reason);

/// <summary>
/// Pause flags per flow in the state store. A paused event flow returns RETRY, so its events wait on the bus;
/// a paused poller skips its runs. The flag is read on every delivery and run, so every replica applies it.
/// </summary>
public sealed class FlowPauseStore(IStateStore state, TimeProvider time)
{
    /// <summary>Reads whether <paramref name="flow"/> is paused, for callers that hold only the state store.</summary>
    public static async Task<bool> IsPausedAsync(IStateStore state, string flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return await state.GetAsync<FlowPause>(Key(flow), cancellationToken) is not null;
    }

    public Task<bool> IsPausedAsync(string flow, CancellationToken cancellationToken) =>
        IsPausedAsync(state, flow, cancellationToken);

    public async Task<FlowPause?> GetAsync(string flow, CancellationToken cancellationToken) =>
        (await state.GetAsync<FlowPause>(Key(flow), cancellationToken))?.Value;

    public async Task<FlowPause> PauseAsync(string flow, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        var pause = new FlowPause(flow, time.GetUtcNow(), reason);
        await state.SaveAsync(Key(flow), pause, cancellationToken: cancellationToken);
        return pause;
    }

    /// <summary>Clears the flag; returns false when the flow was not paused.</summary>
    public async Task<bool> ResumeAsync(string flow, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        if (await state.GetAsync<FlowPause>(Key(flow), cancellationToken) is null)
        {
            return false;
        }

        return await state.TryDeleteAsync(Key(flow), cancellationToken: cancellationToken);
    }

    private static string Key(string flow) => $"paused:{flow}";
}
