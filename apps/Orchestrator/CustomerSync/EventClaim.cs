using DaprSync.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// An insert-only claim on one event id while a delivery works on it. The holder renews the claim's time-to-live
/// every third of that time, so a duplicate delivery during long work still finds it live and gets RETRY. A holder
/// that dies stops renewing, and the claim lapses one time-to-live after its last renewal.
/// </summary>
public sealed partial class EventClaim(IStateStore state, string key, string holder, ILogger logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task renewal = Task.CompletedTask;

    /// <summary>
    /// Inserts the claim and starts its renewal. Returns null when another delivery has a live claim on
    /// <paramref name="key"/>.
    /// </summary>
    public static async Task<EventClaim?> TryAcquireAsync(
        IStateStore state,
        string key,
        TimeSpan timeToLive,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid().ToString("N");
        var value = new EventClaimValue(holder, time.GetUtcNow());
        if (!await state.TrySaveAsync(key, value, null, timeToLive, cancellationToken))
        {
            return null;
        }

        var claim = new EventClaim(state, key, holder, logger);
        claim.renewal = claim.RenewAsync(timeToLive, time, claim.stopping.Token);
        return claim;
    }

    /// <summary>Stops the renewal and deletes the claim unless it lapsed and another delivery took it.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await renewal;
        stopping.Dispose();

        var current = await state.GetAsync<EventClaimValue>(key, CancellationToken.None);
        if (current?.Value.Holder == holder)
        {
            await state.TryDeleteAsync(key, current.ETag, CancellationToken.None);
        }
    }

    private async Task RenewAsync(TimeSpan timeToLive, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(timeToLive / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!await TryRenewAsync(timeToLive, time, cancellationToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The holder finished its work.
        }
    }

    // Returns false when the claim now belongs to another delivery or is gone, so there is nothing to renew.
    private async Task<bool> TryRenewAsync(TimeSpan timeToLive, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var current = await state.GetAsync<EventClaimValue>(key, cancellationToken);
            if (current?.Value.Holder != holder)
            {
                ClaimLost(logger, key);
                return false;
            }

            var renewed = current.Value with { RenewedAt = time.GetUtcNow() };
            if (await state.TrySaveAsync(key, renewed, current.ETag, timeToLive, cancellationToken))
            {
                return true;
            }

            ClaimLost(logger, key);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any state store failure is caught because the renewal runs beside the work and must not end it.
            // The next tick tries again while the claim is still live.
            ClaimRenewalFailed(logger, exception, key);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event claim {ClaimKey} lapsed or was taken while its holder "
        + "worked; a duplicate delivery may repeat the work")]
    private static partial void ClaimLost(ILogger logger, string claimKey);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Renewal of event claim {ClaimKey} failed; retrying at the next tick")]
    private static partial void ClaimRenewalFailed(ILogger logger, Exception exception, string claimKey);
}

/// <summary>Stored value of an event claim: a random id of the holding delivery and its last renewal time.</summary>
public sealed record EventClaimValue(string Holder, DateTimeOffset RenewedAt);
