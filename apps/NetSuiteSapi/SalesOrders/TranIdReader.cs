using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.Soap;
using DaprSync.NetSuiteSapi.Soap.Contracts;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Reads the <c>tranId</c> of new Sales Orders, several orders to one SOAP <c>getList</c>. The upsert response
/// carries only the record reference, so each new order needs a read. Under a burst, one read per order would take
/// every other request slot of the account's concurrency limit.
/// </summary>
/// <remarks>
/// A create registers with <see cref="BeginCreate"/> before its upsert and requests its number with
/// <see cref="Create.ReadTranIdAsync"/> after it. The waiting reads are sent together when one of these holds:
/// <list type="bullet">
/// <item>no other create is still writing, so nothing else could join;</item>
/// <item>a NetSuite request slot is free and no request waits for one, so a read now delays no other call;</item>
/// <item><see cref="SalesOrderOptions.TranIdReadBatchSize"/> reads wait;</item>
/// <item>the oldest read has waited <see cref="SalesOrderOptions.TranIdReadWindowMilliseconds"/>.</item>
/// </list>
/// A single order, or orders at a rate that the concurrency limit absorbs, are therefore read at once. Only when
/// orders queue for NetSuite's request slots do their reads wait for each other, at most for the window. The
/// <c>getList</c> then takes the next free slot before queued writes. A failed <c>getList</c> is sent up to
/// <see cref="ReadAttempts"/> times, then fails every read of its batch with the same exception, which the caller
/// reports as a transient failure. The repeated upsert by external id then finds the order, and its number is read
/// again.
/// </remarks>
public sealed partial class TranIdReader(
    NetSuiteSoapClient soap,
    NetSuiteRequestGate gate,
    IOptions<SalesOrderOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<TranIdReader> logger,
    DaprSyncMetrics? metrics = null)
{
    /// <summary>Attempts of one getList before its batch fails.</summary>
    private const int ReadAttempts = 3;

    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly Lock _sync = new();
    private readonly List<Waiter> _waiting = [];
    private int _writing;
    private bool _timerArmed;

    /// <summary>Reads waiting for their batch.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Registers a create that is about to write; dispose it if the create ends without a read.</summary>
    public Create BeginCreate()
    {
        lock (_sync)
        {
            _writing++;
        }

        return new Create(this);
    }

    private Task<string?> Enqueue(Create create, string internalId, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(internalId, timeProvider.GetTimestamp());
        List<List<Waiter>> batches;
        lock (_sync)
        {
            if (create.Finish())
            {
                _writing--;
            }

            _waiting.Add(waiter);
            batches = TakeDueBatches();
        }

        Send(batches);
        return waiter.Completion.Task.WaitAsync(cancellationToken);
    }

    private void Abandon(Create create)
    {
        List<List<Waiter>> batches;
        lock (_sync)
        {
            if (!create.Finish())
            {
                return;
            }

            _writing--;
            batches = TakeDueBatches();
        }

        Send(batches);
    }

    // Called under _sync. Takes every batch that is due and arms the timer for the oldest read left.
    private List<List<Waiter>> TakeDueBatches(bool force = false)
    {
        var settings = options.Value;
        var batches = new List<List<Waiter>>();
        while (_waiting.Count > 0 && (force || _writing == 0 || gate.IsIdle
            || _waiting.Count >= settings.TranIdReadBatchSize
            || Age(_waiting[0]) >= Window(settings)))
        {
            var count = Math.Min(_waiting.Count, settings.TranIdReadBatchSize);
            batches.Add(_waiting.GetRange(0, count));
            _waiting.RemoveRange(0, count);
        }

        if (_waiting.Count > 0 && !_timerArmed)
        {
            _timerArmed = true;
            _ = FireAfterAsync(Window(settings) - Age(_waiting[0]));
        }

        return batches;
    }

    private async Task FireAfterAsync(TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, lifetime.ApplicationStopping);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: every waiting read is sent below, and its call fails at once with the stopping token.
        }

        List<List<Waiter>> batches;
        lock (_sync)
        {
            _timerArmed = false;
            batches = TakeDueBatches(force: lifetime.ApplicationStopping.IsCancellationRequested);
        }

        Send(batches);
    }

    private void Send(List<List<Waiter>> batches)
    {
        foreach (var batch in batches)
        {
            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(List<Waiter> batch)
    {
        try
        {
            var reads = await ReadWithRetriesAsync(batch);
            LogBatchRead(logger, batch.Count);
            for (var index = 0; index < batch.Count; index++)
            {
                var read = reads[index];
                batch[index].Completion.TrySetResult(
                    read.Status?.IsSuccess == true ? (read.Record as SalesOrder)?.TranId : null);
            }
        }
        catch (Exception exception)
        {
            LogBatchFailed(logger, batch.Count, exception.Message, exception);
            foreach (var waiter in batch)
            {
                waiter.Completion.TrySetException(exception);
            }
        }
    }

    // A read changes nothing, so a failed getList is sent again before its batch fails. Without the retry, every
    // order of the batch would repeat its upsert to get its number.
    private async Task<IReadOnlyList<ReadResponse>> ReadWithRetriesAsync(List<Waiter> batch)
    {
        var references = batch
            .Select(waiter => new RecordRef { InternalId = waiter.InternalId, Type = "salesOrder" })
            .ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Urgent: the orders of this batch are written and wait only for this read, so it goes before the
                // queued writes of orders that have not started.
                return await soap.GetListAsync(references, lifetime.ApplicationStopping, RequestPriority.Urgent);
            }
            catch (Exception exception) when (attempt < ReadAttempts && IsTransient(exception))
            {
                LogBatchRetry(logger, batch.Count, attempt, exception.Message);
                metrics?.RecordRetry(NetSuiteSoapClient.MetricsSystem, NetSuiteSoapClient.MetricsEndpoint("getList"));
                await Task.Delay(ReadRetryDelay * attempt, timeProvider, lifetime.ApplicationStopping);
            }
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is NetSuiteSoapTransportException
        || (exception is NetSuiteSoapFaultException fault && !fault.Fault.IsInvalidCredentials);

    private TimeSpan Age(Waiter waiter) => timeProvider.GetElapsedTime(waiter.EnqueuedAt);

    private static TimeSpan Window(SalesOrderOptions settings) =>
        TimeSpan.FromMilliseconds(settings.TranIdReadWindowMilliseconds);

    [LoggerMessage(EventId = 115, Level = LogLevel.Debug, Message = "Read the tranId of {Count} Sales Orders in one getList")]
    private static partial void LogBatchRead(ILogger logger, int count);

    [LoggerMessage(EventId = 117, Level = LogLevel.Warning,
        Message = "Reading the tranId of {Count} Sales Orders in one getList failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogBatchRetry(ILogger logger, int count, int attempt, string reason);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning,
        Message = "Reading the tranId of {Count} Sales Orders in one getList failed: {Reason}")]
    private static partial void LogBatchFailed(ILogger logger, int count, string reason, Exception exception);

    private sealed record Waiter(string InternalId, long EnqueuedAt)
    {
        public TaskCompletionSource<string?> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One create between its registration and its read.</summary>
    public sealed class Create : IDisposable
    {
        private readonly TranIdReader _reader;
        private int _finished;

        internal Create(TranIdReader reader) => _reader = reader;

        /// <summary>Ends the write and waits for the order's <c>tranId</c>; null when NetSuite could not read it.</summary>
        public Task<string?> ReadTranIdAsync(string internalId, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(internalId);
            return _reader.Enqueue(this, internalId, cancellationToken);
        }

        public void Dispose() => _reader.Abandon(this);

        internal bool Finish() => Interlocked.Exchange(ref _finished, 1) == 0;
    }
}
