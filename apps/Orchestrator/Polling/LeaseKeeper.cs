namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// Keeps a run's lease while the run works. It renews the lease every third of its duration, so a run longer
/// than the lease keeps it. When a renewal fails it cancels <see cref="Token"/>, so the run stops before it writes
/// a watermark that another run may be writing too.
/// </summary>
internal sealed partial class LeaseKeeper : IAsyncDisposable
{
    private readonly StateLease _lease;
    private readonly string _name;
    private readonly string _holder;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _run;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly Task _loop;
    private volatile bool _lost;

    public LeaseKeeper(
        StateLease lease, string name, string holder, TimeSpan duration, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        _lease = lease;
        _name = name;
        _holder = holder;
        _duration = duration;
        _logger = logger;
        _run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RenewLoopAsync(new PeriodicTimer(duration / 3, time));
    }

    /// <summary>The run's token: cancelled when the caller cancels or when the lease is lost.</summary>
    public CancellationToken Token => _run.Token;

    public bool Lost => _lost;

    /// <summary>Renews the lease once more; false (and <see cref="Lost"/>) when it is no longer this run's.</summary>
    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken)
    {
        if (!Lost && !await TryRenewAsync(cancellationToken))
        {
            await MarkLostAsync();
        }

        return !Lost;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _run.Dispose();
        _renewing.Dispose();
    }

    private async Task RenewLoopAsync(PeriodicTimer timer)
    {
        using (timer)
        {
            try
            {
                while (!Lost && await timer.WaitForNextTickAsync(_stop.Token))
                {
                    if (!await TryRenewAsync(_stop.Token))
                    {
                        await MarkLostAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The run finished; its lease is released by the engine.
            }
        }
    }

    private async Task<bool> TryRenewAsync(CancellationToken cancellationToken)
    {
        // One renewal at a time: two with the same ETag would make the second fail as if the lease were taken.
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            return await _lease.TryRenewAsync(_name, _holder, _duration, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any failure of the state store leaves the lease unproven, and another run may take it at expiry.
            RenewalFailed(_logger, exception, _name, _holder);
            return false;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private async Task MarkLostAsync()
    {
        _lost = true;
        LeaseLost(_logger, _name, _holder);
        await _run.CancelAsync();
    }

    [LoggerMessage(EventId = 1220, Level = LogLevel.Error,
        Message = "Poller {Poller} run {Holder} lost its lease; it stops and keeps the watermark")]
    private static partial void LeaseLost(ILogger logger, string poller, string holder);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Error,
        Message = "Poller {Poller} run {Holder} could not renew its lease in the state store")]
    private static partial void RenewalFailed(ILogger logger, Exception exception, string poller, string holder);
}
