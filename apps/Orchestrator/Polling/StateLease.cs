using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Polling;

/// <summary>Who holds a lease and until when.</summary>
public sealed record LeaseRecord(string Holder, DateTimeOffset ExpiresAt);

/// <summary>
/// A lease in the state store, taken with ETag concurrency, so that one replica at a time runs a poller
/// even though Dapr's cron binding fires on every replica. The entry also carries a time-to-live, so a
/// holder that dies without releasing frees it when the lease expires.
/// </summary>
public sealed class StateLease(IStateStore state, TimeProvider time)
{
    /// <summary>Takes the lease for <paramref name="holder"/>; false when another holder has an unexpired one.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var key = Key(name);
        var now = time.GetUtcNow();
        var current = await state.GetAsync<LeaseRecord>(key, cancellationToken);
        if (current is not null && current.Value.Holder != holder && current.Value.ExpiresAt > now)
        {
            return false;
        }

        // A null ETag inserts only when no entry exists; a stale ETag loses to a concurrent taker.
        return await state.TrySaveAsync(key, new LeaseRecord(holder, now + duration), current?.ETag, duration, cancellationToken);
    }

    /// <summary>
    /// Extends the lease of <paramref name="holder"/> by <paramref name="duration"/> from now. Returns false when the
    /// lease has expired or another holder has it, because another run may then have started.
    /// </summary>
    public async Task<bool> TryRenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var key = Key(name);
        var now = time.GetUtcNow();
        var current = await state.GetAsync<LeaseRecord>(key, cancellationToken);
        if (current is null || current.Value.Holder != holder || current.Value.ExpiresAt <= now)
        {
            return false;
        }

        return await state.TrySaveAsync(key, new LeaseRecord(holder, now + duration), current.ETag, duration, cancellationToken);
    }

    /// <summary>Releases the lease if <paramref name="holder"/> still has it.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var current = await state.GetAsync<LeaseRecord>(Key(name), cancellationToken);
        if (current is not null && current.Value.Holder == holder)
        {
            await state.TryDeleteAsync(Key(name), current.ETag, cancellationToken);
        }
    }

    private static string Key(string name) => $"lease:{name}";
}
