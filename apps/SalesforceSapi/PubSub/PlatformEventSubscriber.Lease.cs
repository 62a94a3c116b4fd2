using Grpc.Core;

namespace DaprSync.SalesforceSapi.PubSub;

// The lease loop: wait for the topic's lease, consume while it is renewed, release it on stop.
public sealed partial class PlatformEventSubscriber
{
    private TimeSpan RenewInterval => deps.Options.LeaseTimeToLive / 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = new SubscriberLease(
            deps.StateStore,
            handler.TopicName,
            deps.ReplicaId,
            deps.Options.LeaseTimeToLive,
            deps.TimeProvider);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForLeaseAsync(lease, stoppingToken);
                await ConsumeWhileLeasedAsync(lease, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        finally
        {
            await ReleaseLeaseAsync(lease);
        }

        PubSubLog.Stopped(deps.Logger, handler.TopicName);
    }

    private async Task WaitForLeaseAsync(SubscriberLease lease, CancellationToken stoppingToken)
    {
        var loggedWaiting = false;
        while (!await TryLeaseOperationAsync(lease.TryAcquireAsync, "acquire", stoppingToken))
        {
            if (!loggedWaiting)
            {
                PubSubLog.LeaseHeldElsewhere(deps.Logger, handler.TopicName, deps.ReplicaId, RenewInterval);
                loggedWaiting = true;
            }

            await Task.Delay(RenewInterval, deps.TimeProvider, stoppingToken);
        }

        PubSubLog.LeaseAcquired(deps.Logger, handler.TopicName, deps.ReplicaId);
    }

    /// <summary>Runs the subscription until the host stops or a renewal finds the lease gone.</summary>
    /// <remarks>
    /// Each publish and replay id write is fenced: the lease is renewed with its ETag first, so a holder that
    /// was paused past its expiry finds another replica's lease and stops instead of writing. NOTE: the check
    /// and the write are two state store calls, not one transaction, so a pause of a whole lease lifetime
    /// between them still lets one stale write through. A holder stopped between a publish and the replay id
    /// write also lets the next holder publish that event again with the same CloudEvent id, so subscribers
    /// must still drop duplicates by that id.
    /// </remarks>
    private async Task ConsumeWhileLeasedAsync(SubscriberLease lease, CancellationToken stoppingToken)
    {
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewUntilLostAsync(lease, leaseLost);
        try
        {
            await RunAsync(token => EnsureLeaseHeldAsync(lease, leaseLost, token), leaseLost.Token);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Lease lost or host shutdown; the caller tells them apart by stoppingToken.
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && leaseLost.IsCancellationRequested)
        {
            // The same, while the stream was open: gRPC reports the cancelled call as an RpcException.
        }
        finally
        {
            await leaseLost.CancelAsync();
            await renewing;
            await WaitForSweepAsync();
        }
    }

    /// <summary>The <see cref="LeaseFence"/> of one holding of the lease.</summary>
    private async Task EnsureLeaseHeldAsync(
        SubscriberLease lease, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        // A renewal that failed on a state store error counts as held while time is left, as in the renew loop.
        if (await TryLeaseOperationAsync(lease.TryRenewAsync, "renew", cancellationToken) || HasTimeLeft(lease))
        {
            return;
        }

        await MarkLeaseLostAsync(leaseLost);
        throw new OperationCanceledException(
            $"Replica {deps.ReplicaId} no longer holds the lease on {handler.TopicName}.", leaseLost.Token);
    }

    private async Task MarkLeaseLostAsync(CancellationTokenSource leaseLost)
    {
        if (!leaseLost.IsCancellationRequested)
        {
            PubSubLog.LeaseLost(deps.Logger, handler.TopicName, deps.ReplicaId);
            await leaseLost.CancelAsync();
        }
    }

    private async Task RenewUntilLostAsync(SubscriberLease lease, CancellationTokenSource leaseLost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewInterval, deps.TimeProvider, leaseLost.Token);
                if (!await TryLeaseOperationAsync(lease.TryRenewAsync, "renew", leaseLost.Token)
                    && !HasTimeLeft(lease))
                {
                    await MarkLeaseLostAsync(leaseLost);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Consumption ended first.
        }
    }

    // A renewal that failed on a state store error leaves the lease ours until it expires, so consuming
    // goes on while more than one renew interval remains. Another replica takes it only after expiry, as
    // long as the replicas' clocks differ by less than that interval.
    private bool HasTimeLeft(SubscriberLease lease) =>
        lease.ExpiresAt is { } expiresAt && deps.TimeProvider.GetUtcNow() + RenewInterval < expiresAt;

    private async Task ReleaseLeaseAsync(SubscriberLease lease)
    {
        if (lease.ExpiresAt is null)
        {
            return;
        }

        if (await TryLeaseOperationAsync(
            async token => { await lease.ReleaseAsync(token); return true; }, "release", CancellationToken.None))
        {
            PubSubLog.LeaseReleased(deps.Logger, handler.TopicName, deps.ReplicaId);
        }
    }

    /// <summary>Runs a lease call; a state store failure is logged and counts as not holding the lease.</summary>
    private async Task<bool> TryLeaseOperationAsync(
        Func<CancellationToken, Task<bool>> operation, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The state store seam defines no failure types of its own, as with the bus.
            PubSubLog.LeaseStoreFailed(deps.Logger, ex, handler.TopicName, deps.ReplicaId, name);
            return false;
        }
    }
}
