namespace DaprSync.SalesforceSapi.PubSub;

// The catch-up sweep after an expired replay id: it runs beside the new subscription, while the lease is held.
public sealed partial class PlatformEventSubscriber
{
    private Task _sweep = Task.CompletedTask;

    /// <summary>Starts the sweep of a stored gap in the background, unless one is already running.</summary>
    private void StartMarkedSweep(LeaseFence fence, CancellationToken cancellationToken)
    {
        if (deps.Sweeper is null || !_sweep.IsCompleted)
        {
            return;
        }

        _sweep = Task.Run(() => RunMarkedSweepAsync(deps.Sweeper, fence, cancellationToken), CancellationToken.None);
    }

    /// <summary>Waits for a running sweep, which ends on its own once consumption is cancelled.</summary>
    private Task WaitForSweepAsync() => _sweep;

    private async Task RunMarkedSweepAsync(IReplayGapSweeper sweeper, LeaseFence fence, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sweeper.SweepMarkedGapAsync(handler.TopicName, fence, token);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Lease lost or host stopping: the gap stays stored for the next holder.
                return;
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                // Salesforce, the bus or the state store failed. The gap stays stored, so retry it here.
                var delay = deps.ComputeBackoff(attempt);
                PubSubLog.SweepRetrying(deps.Logger, ex, handler.TopicName, delay, attempt);
                try
                {
                    await Task.Delay(delay, deps.TimeProvider, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
