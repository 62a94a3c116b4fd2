using DaprSync.Runtime;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Value of a subscriber lease: the replica that holds it, the id of this holding (new on every
/// acquisition, so a replica can tell its own write from a later one) and when it expires.
/// </summary>
public sealed record SubscriberLeaseState(string ReplicaId, string LeaseId, DateTimeOffset ExpiresAt);

/// <summary>
/// The right to consume one topic, stored under <c>pubsub-lease:{topic}</c>. Every write is conditional
/// on the ETag read just before it, so of two replicas racing for a free or expired lease one wins. The
/// entry also carries the state store's time-to-live, and <see cref="SubscriberLeaseState.ExpiresAt"/>
/// is checked against the clock for stores that do not enforce it.
/// </summary>
public sealed class SubscriberLease(
    IStateStore stateStore,
    string topicName,
    string replicaId,
    TimeSpan timeToLive,
    TimeProvider timeProvider)
{
    // Serializes renewals: the renew loop and the fence before each write renew concurrently, and two
    // renewals from one replica would conflict on the ETag and drop a lease that is still held.
    private readonly SemaphoreSlim _renewGate = new(1, 1);
    private string? _leaseId;

    public static string KeyFor(string topicName) => $"pubsub-lease:{topicName}";

    /// <summary>When the lease held by this replica expires unless renewed; null while not held.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>
    /// Takes the lease when it is free, expired or already this replica's. Returns false when another
    /// replica holds it or won the race.
    /// </summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var key = KeyFor(topicName);
        var entry = await stateStore.GetAsync<SubscriberLeaseState>(key, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (entry?.Value is { } held && held.ReplicaId != replicaId && held.ExpiresAt > now)
        {
            return false;
        }

        var claim = new SubscriberLeaseState(replicaId, Guid.NewGuid().ToString("N"), now + timeToLive);
        if (!await stateStore.TrySaveAsync(key, claim, entry?.ETag, timeToLive, cancellationToken))
        {
            return false;
        }

        _leaseId = claim.LeaseId;
        ExpiresAt = claim.ExpiresAt;
        return true;
    }

    /// <summary>
    /// Extends the lease by its time-to-live. Returns false when it is no longer this replica's: it
    /// expired and another replica took it, or it was deleted.
    /// </summary>
    public async Task<bool> TryRenewAsync(CancellationToken cancellationToken)
    {
        await _renewGate.WaitAsync(cancellationToken);
        try
        {
            return await RenewAsync(cancellationToken);
        }
        finally
        {
            _renewGate.Release();
        }
    }

    private async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        var key = KeyFor(topicName);
        var entry = await stateStore.GetAsync<SubscriberLeaseState>(key, cancellationToken);
        if (_leaseId is null || entry?.Value is not { } held || held.LeaseId != _leaseId)
        {
            Forget();
            return false;
        }

        var renewed = held with { ExpiresAt = timeProvider.GetUtcNow() + timeToLive };
        if (!await stateStore.TrySaveAsync(key, renewed, entry.ETag, timeToLive, cancellationToken))
        {
            Forget();
            return false;
        }

        ExpiresAt = renewed.ExpiresAt;
        return true;
    }

    /// <summary>Deletes the lease if this replica still holds it, so another replica can take over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var leaseId = _leaseId;
        Forget();
        if (leaseId is null)
        {
            return;
        }

        var key = KeyFor(topicName);
        var entry = await stateStore.GetAsync<SubscriberLeaseState>(key, cancellationToken);
        if (entry?.Value is { } held && held.LeaseId == leaseId)
        {
            await stateStore.TryDeleteAsync(key, entry.ETag, cancellationToken);
        }
    }

    private void Forget()
    {
        _leaseId = null;
        ExpiresAt = null;
    }
}
