using DaprSync.Orchestrator.Notifications;

namespace DaprSync.Orchestrator.Polling;

/// <summary>The state of one poller run while it pages through its window.</summary>
internal sealed partial class PollerRun<T>(
    PollerEngine engine,
    string poller,
    string recordType,
    string runId,
    PollerOptions options,
    IPollerSource<T> source,
    IPollerSink<T> sink,
    DateTimeOffset started,
    LeaseKeeper keeper)
{
    /// <summary>Maximum number of processed ids that a checkpoint carries, because a larger set would make each page's checkpoint write slow.</summary>
    private const int MaxCheckpointProcessed = 10_000;

    private readonly List<FailedRecord> _failures = [];
    private readonly Dictionary<string, DateTimeOffset> _processed = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _recordsWithOutcomes;
    private int _processedLimit = options.BatchSize;
    private int _pages;
    private int _deletionPages;
    private int _read;
    private int _deletionsRead;
    private int _skipped;
    private int _upserted;
    private int _calls;
    private DateTimeOffset? _highestRead;
    private DateTimeOffset _watermarkBefore;

    // The cursor of the page that contains the oldest record waiting in a partial batch, and the last checkpoint's.
    private string? _oldestPendingFetchCursor;
    private string? _checkpointCursor;

    public async Task<PollerRunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Work runs on the keeper's token, which a lost lease cancels; the closing writes use the caller's.
        var work = keeper.Token;
        var read = await engine.Watermarks.ReadAsync(poller, options.DefaultStart, options.ResetToken, work);
        if (read.WasReset)
        {
            WatermarkReset(engine.Logger, poller, runId, options.DefaultStart);
        }

        var before = read.Watermark.Value;
        _watermarkBefore = before;

        // A run that stopped before completing left a checkpoint: this run finishes that window from its cursor
        // instead of reading it again from the start. Changes after that window are read by the next run.
        var checkpoint = read.WasReset ? null : await engine.Watermarks.ReadCheckpointAsync(poller, before, work);
        var windowStart = checkpoint?.WindowStart ?? before - options.Overlap;
        var windowEnd = checkpoint?.WindowEnd ?? started;
        _highestRead = checkpoint?.HighestRead;

        // A reset re-reads and re-upserts everything from the default start, so nothing counts as processed.
        var alreadyProcessed = read.WasReset
            ? new Dictionary<string, DateTimeOffset>()
            : await LoadProcessedAsync(work);
        foreach (var (id, lastModified) in checkpoint?.Processed ?? new Dictionary<string, DateTimeOffset>())
        {
            _processed[id] = lastModified;
        }

        // The checkpoint's cursor can lie before records that the interrupted run upserted, because a partial batch
        // was still waiting there, so those records are skipped like the ones processed by earlier runs.
        var skip = checkpoint?.Processed is { Count: > 0 } done ? Merge(alreadyProcessed, done) : alreadyProcessed;
        RunStarted(engine.Logger, poller, runId, windowStart, windowEnd);
        if (checkpoint is not null)
        {
            RunResumed(engine.Logger, poller, runId, checkpoint.RunId);
        }

        string? transient = null;
        try
        {
            await ReadAllPagesAsync(windowStart, windowEnd, checkpoint?.Cursor, skip, work);
        }
        catch (TransientPollerException exception)
        {
            transient = exception.Message;
            RunRepeating(engine.Logger, exception, poller, runId);
        }
        catch (OperationCanceledException) when (keeper.Lost && !cancellationToken.IsCancellationRequested)
        {
            // The keeper logged the loss; the run that took the lease reads this window again.
        }

        var status = transient is null ? PollerRunStatus.Completed : PollerRunStatus.Repeating;
        if (keeper.Lost || (status == PollerRunStatus.Completed && !await keeper.ConfirmAsync(cancellationToken)))
        {
            status = PollerRunStatus.LeaseLost;
        }

        var after = before;
        if (status == PollerRunStatus.Completed)
        {
            after = _highestRead is { } highest ? Max(before, highest) : before;
            await engine.Watermarks.TryAdvanceAsync(poller, read, after, cancellationToken);
            await SaveProcessedAsync(alreadyProcessed, after, cancellationToken);
            await engine.Watermarks.DeleteCheckpointAsync(poller, cancellationToken);
        }

        if (status != PollerRunStatus.LeaseLost && (_failures.Count > 0 || transient is not null))
        {
            var report = new FailureReport(poller, runId, windowStart, windowEnd, _failures, transient);
            await engine.Email.SendAsync(report, cancellationToken);
        }

        var finished = engine.Time.GetUtcNow();
        var result = new PollerRunResult(
            poller, runId, status, windowStart, windowEnd, _pages, _read, _skipped, _upserted, _failures.Count, _calls,
            before, after, finished - started, finished)
        {
            DeletionPages = _deletionPages,
            DeletionsRead = _deletionsRead,
            ResumedRunId = checkpoint?.RunId,
        };
        RunFinished(engine.Logger, poller, runId, result.Status, _pages + _deletionPages, _read, _deletionsRead,
            _skipped, _upserted, _failures.Count, before, after, result.Duration);
        return result;
    }

    private static Dictionary<string, DateTimeOffset> Merge(
        IReadOnlyDictionary<string, DateTimeOffset> first, IReadOnlyDictionary<string, DateTimeOffset> second)
    {
        var merged = new Dictionary<string, DateTimeOffset>(first, StringComparer.Ordinal);
        foreach (var (id, lastModified) in second)
        {
            merged[id] = lastModified;
        }

        return merged;
    }
}
