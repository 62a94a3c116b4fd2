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
    DateTimeOffset started)
{
    private readonly List<FailedRecord> _failures = [];
    private readonly Dictionary<string, DateTimeOffset> _processed = new(StringComparer.Ordinal);
    private int _pages;
    private int _read;
    private int _skipped;
    private int _upserted;
    private int _calls;
    private DateTimeOffset? _highestRead;

    public async Task<PollerRunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var read = await engine.Watermarks.ReadAsync(poller, options.DefaultStart, options.ResetToken, cancellationToken);
        if (read.WasReset)
        {
            WatermarkReset(engine.Logger, poller, runId, options.DefaultStart);
        }

        var before = read.Watermark.Value;
        var windowStart = before - options.Overlap;
        var windowEnd = started;
        // A reset re-reads and re-upserts everything from the default start, so nothing counts as processed.
        var alreadyProcessed = read.WasReset
            ? new Dictionary<string, DateTimeOffset>()
            : await LoadProcessedAsync(cancellationToken);
        RunStarted(engine.Logger, poller, runId, windowStart, windowEnd);

        string? transient = null;
        try
        {
            await ReadAllPagesAsync(windowStart, windowEnd, alreadyProcessed, cancellationToken);
        }
        catch (TransientPollerException exception)
        {
            transient = exception.Message;
            RunRepeating(engine.Logger, exception, poller, runId);
        }

        var after = before;
        if (transient is null)
        {
            after = _highestRead is { } highest ? Max(before, highest) : before;
            await engine.Watermarks.TryAdvanceAsync(poller, read, after, cancellationToken);
            await SaveProcessedAsync(alreadyProcessed, after, cancellationToken);
        }

        if (_failures.Count > 0 || transient is not null)
        {
            var report = new FailureReport(poller, runId, windowStart, windowEnd, _failures, transient);
            await engine.Email.SendAsync(report, cancellationToken);
        }

        var finished = engine.Time.GetUtcNow();
        var result = new PollerRunResult(
            poller, runId, transient is null ? PollerRunStatus.Completed : PollerRunStatus.Repeating,
            windowStart, windowEnd, _pages, _read, _skipped, _upserted, _failures.Count, _calls,
            before, after, finished - started, finished);
        RunFinished(engine.Logger, poller, runId, result.Status, _pages, _read, _skipped, _upserted, _failures.Count, before, after, result.Duration);
        return result;
    }

    private async Task ReadAllPagesAsync(
        DateTimeOffset since, DateTimeOffset until, IReadOnlyDictionary<string, DateTimeOffset> alreadyProcessed, CancellationToken cancellationToken)
    {
        string? cursor = null;
        var pending = new List<T>(options.BatchSize);
        do
        {
            var page = await engine.RetryAsync(poller, runId, $"reading page {_pages + 1}", options,
                () => source.ReadAsync(since, until, options.PageSize, cursor, cancellationToken), cancellationToken);
            _pages++;
            foreach (var record in page.Records)
            {
                _read++;
                var key = source.KeyOf(record);
                _highestRead = _highestRead is { } highest ? Max(highest, key.LastModified) : key.LastModified;
                if (alreadyProcessed.TryGetValue(key.Id, out var seen) && seen == key.LastModified)
                {
                    _skipped++;
                    continue;
                }

                pending.Add(record);
                if (pending.Count == options.BatchSize)
                {
                    await UpsertAsync(pending, cancellationToken);
                    pending.Clear();
                }
            }

            cursor = page.Cursor;
            if (!page.HasMore)
            {
                break;
            }
        }
        while (true);

        if (pending.Count > 0)
        {
            await UpsertAsync(pending, cancellationToken);
        }
    }

    private async Task UpsertAsync(List<T> batch, CancellationToken cancellationToken)
    {
        var records = batch.ToList();
        var outcomes = await engine.RetryAsync(poller, runId, $"upserting {records.Count} records", options,
            () => sink.UpsertAsync(records, cancellationToken), cancellationToken);
        _calls++;
        for (var i = 0; i < records.Count; i++)
        {
            var key = source.KeyOf(records[i]);
            var outcome = i < outcomes.Count ? outcomes[i] : null;
            _processed[key.Id] = key.LastModified;
            if (outcome is { Success: true })
            {
                _upserted++;
                continue;
            }

            _failures.Add(new FailedRecord(
                recordType, key.Id, outcome?.SalesforceReference,
                outcome?.ErrorCode ?? "MISSING_RESULT", outcome?.Message ?? "Salesforce returned no result for this record."));
        }
    }
}
