using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Tests.Claims;

/// <summary>
/// A state store that holds the first insert of a key ending in <c>:event-claim:{id}</c> until the test
/// releases it. The delivery that makes that insert has already read the processed key, so the test can
/// let a second delivery finish inside the window between that read and the claim.
/// </summary>
internal sealed class HeldClaimStateStore(IStateStore inner) : IStateStore
{
    private readonly TaskCompletionSource claimHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource claimReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int claimInserts;

    /// <summary>
    /// Completes when the first claim insert reached the store, where it waits for <see cref="ReleaseClaim"/>.
    /// </summary>
    public Task ClaimHeld => claimHeld.Task;

    public void ReleaseClaim() => claimReleased.TrySetResult();

    public Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default) =>
        inner.GetAsync<T>(key, cancellationToken);

    public Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default) =>
        inner.SaveAsync(key, value, timeToLive, cancellationToken);

    public async Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        if (etag is null && key.Contains(":event-claim:", StringComparison.Ordinal)
            && Interlocked.Increment(ref claimInserts) == 1)
        {
            claimHeld.TrySetResult();
            await claimReleased.Task.WaitAsync(cancellationToken);
        }

        return await inner.TrySaveAsync(key, value, etag, timeToLive, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) =>
        inner.TryDeleteAsync(key, etag, cancellationToken);
}
