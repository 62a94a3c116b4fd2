namespace DaprSync.Orchestrator.Polling;

/// <summary>The records processed inside the overlap, kept so the next run skips them, and the run's logs.</summary>
internal sealed partial class PollerRun<T>
{
    private string ProcessedKey => $"processed:{poller}";

    private async Task<IReadOnlyDictionary<string, DateTimeOffset>> LoadProcessedAsync(CancellationToken cancellationToken)
    {
        var stored = await engine.State.GetAsync<Dictionary<string, DateTimeOffset>>(ProcessedKey, cancellationToken);
        return stored?.Value ?? new Dictionary<string, DateTimeOffset>();
    }

    // Only records that the next run's overlap can read again are kept, so the set stays small.
    private async Task SaveProcessedAsync(
        IReadOnlyDictionary<string, DateTimeOffset> previous, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var keepFrom = watermark - options.Overlap;
        var kept = previous.Concat(_processed)
            .Where(pair => pair.Value >= keepFrom)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Max(pair => pair.Value), StringComparer.Ordinal);
        await engine.State.SaveAsync(ProcessedKey, kept, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Drops processed ids that the next run cannot read again, so the set holds only the records inside the overlap
    /// instead of every record of the run. The watermark this run saves is at least the highest time read so far, so
    /// an id older than that time minus the overlap would be dropped by <see cref="SaveProcessedAsync"/> anyway.
    /// </summary>
    private void DropProcessedBeforeOverlap()
    {
        if (_highestRead is not { } highest || _processed.Count < _processedLimit)
        {
            return;
        }

        var keepFrom = highest - options.Overlap;
        foreach (var (id, lastModified) in _processed)
        {
            if (lastModified < keepFrom)
            {
                _processed.Remove(id);
            }
        }

        // Doubling the limit keeps the cost of the scans linear in the run's records when most ids stay.
        _processedLimit = Math.Max(options.BatchSize, _processed.Count * 2);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information,
        Message = "Poller {Poller} run {RunId} started: window {WindowStart:o} to {WindowEnd:o}")]
    private static partial void RunStarted(ILogger logger, string poller, string runId, DateTimeOffset windowStart, DateTimeOffset windowEnd);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning,
        Message = "Poller {Poller} run {RunId}: the watermark was reset to {DefaultStart:o} by its reset setting")]
    private static partial void WatermarkReset(ILogger logger, string poller, string runId, DateTimeOffset defaultStart);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information,
        Message = "Poller {Poller} run {RunId} finishes the window of run {InterruptedRunId} from its last finished page")]
    private static partial void RunResumed(ILogger logger, string poller, string runId, string interruptedRunId);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error,
        Message = "Poller {Poller} run {RunId} stopped on a transient failure; the watermark stays and the next run reads the window again from the last finished page")]
    private static partial void RunRepeating(ILogger logger, Exception exception, string poller, string runId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information,
        Message = "Poller {Poller} run {RunId} {Status}: {Pages} pages, {Read} read, {Deleted} deletions read, "
            + "{Skipped} skipped as processed, {Upserted} upserted, {Failed} failed, watermark {Before:o} -> {After:o}, "
            + "{Duration}")]
    private static partial void RunFinished(
        ILogger logger, string poller, string runId, PollerRunStatus status, int pages, int read, int deleted,
        int skipped, int upserted, int failed, DateTimeOffset before, DateTimeOffset after, TimeSpan duration);
}
