using DaprSync.Orchestrator.Notifications;

namespace DaprSync.Orchestrator.Polling;

/// <summary>The paged reads of a run, modified records first and deletions second, and its batched upserts.</summary>
internal sealed partial class PollerRun<T>
{
    private delegate Task<PollerPage<T>> PageReader(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken);

    private async Task ReadAllPagesAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        string? resumeCursor,
        IReadOnlyDictionary<string, DateTimeOffset> alreadyProcessed,
        CancellationToken cancellationToken)
    {
        // Deletions share the batches with the records, so one batch can contain both. A resumed run continues the
        // modified records from the checkpoint's cursor but reads every deletion of the window, because the
        // interrupted run reads them only after the modified records.
        var pending = new List<T>(options.BatchSize);
        await ReadPagesAsync(source.ReadAsync, deletions: false, since, until, resumeCursor, alreadyProcessed, pending,
            cancellationToken);
        await ReadPagesAsync(source.ReadDeletedAsync, deletions: true, since, until, cursor: null, alreadyProcessed,
            pending, cancellationToken);
        if (pending.Count > 0)
        {
            await UpsertAsync(pending, cancellationToken);
        }
    }

    private async Task ReadPagesAsync(
        PageReader reader,
        bool deletions,
        DateTimeOffset since,
        DateTimeOffset until,
        string? cursor,
        IReadOnlyDictionary<string, DateTimeOffset> alreadyProcessed,
        List<T> pending,
        CancellationToken cancellationToken)
    {
        // While one page's batches go to Salesforce the next page is read, and never more than one page ahead,
        // so memory stays bounded by two pages.
        var next = ReadPageAsync(reader, deletions, since, until, cursor, cancellationToken);
        var fetchCursor = cursor;
        while (true)
        {
            PollerPage<T> page;
            using (next)
            {
                page = await next.Page;
            }

            if (deletions)
            {
                _deletionPages++;
                _deletionsRead += page.Records.Count;
            }
            else
            {
                _pages++;
                _read += page.Records.Count;
            }

            if (!page.HasMore)
            {
                await ProcessPageAsync(page, fetchCursor, alreadyProcessed, pending, cancellationToken);
                return;
            }

            next = ReadPageAsync(reader, deletions, since, until, page.Cursor, cancellationToken);
            var processed = false;
            try
            {
                await ProcessPageAsync(page, fetchCursor, alreadyProcessed, pending, cancellationToken);
                if (!deletions)
                {
                    // Every record before this cursor is upserted: the page's end when no record waits in a partial
                    // batch, otherwise the start of the page that contains the oldest waiting record.
                    var done = pending.Count == 0 ? page.Cursor : _oldestPendingFetchCursor;
                    await SaveCheckpointAsync(since, until, done, cancellationToken);
                }

                fetchCursor = page.Cursor;
                processed = true;
            }
            finally
            {
                if (!processed)
                {
                    await next.AbandonAsync();
                }
            }
        }
    }

    // Every record before the cursor is done. The processed ids go along, so the resumed run skips the records after
    // the cursor that were upserted already and saves them for the next run's overlap. They are left out when there
    // are more than MaxCheckpointProcessed of them, as in a burst of changes within the overlap.
    // NOTE: without them, the resumed run and the run after it upsert the interrupted run's records again.
    private Task SaveCheckpointAsync(DateTimeOffset since, DateTimeOffset until, string? cursor, CancellationToken cancellationToken)
    {
        // A null cursor is the window's start, and an unchanged one would store the same position again.
        if (cursor is null || cursor == _checkpointCursor)
        {
            return Task.CompletedTask;
        }

        _checkpointCursor = cursor;

        var processed = _processed.Count <= MaxCheckpointProcessed
            ? new Dictionary<string, DateTimeOffset>(_processed, StringComparer.Ordinal)
            : null;
        var checkpoint = new PollerCheckpoint(runId, _watermarkBefore, since, until, cursor, _highestRead, processed);
        return engine.Watermarks.SaveCheckpointAsync(poller, checkpoint, cancellationToken);
    }

    private ReadAhead ReadPageAsync(
        PageReader reader,
        bool deletions,
        DateTimeOffset since,
        DateTimeOffset until,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var number = deletions ? _deletionPages + 1 : _pages + 1;
        var step = deletions ? $"reading deletion page {number}" : $"reading page {number}";
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancellation.Token;
        var page = engine.RetryAsync(poller, runId, step, deletions ? "read deletions" : "read page", options,
            () => reader(since, until, options.PageSize, cursor, token), token);
        return new ReadAhead(page, cancellation);
    }

    /// <summary>
    /// Skips the records processed before and adds the others to <paramref name="pending"/>, upserting each full batch.
    /// <paramref name="fetchCursor"/> is the cursor the page was read with, kept for the oldest waiting record.
    /// </summary>
    private async Task ProcessPageAsync(
        PollerPage<T> page,
        string? fetchCursor,
        IReadOnlyDictionary<string, DateTimeOffset> alreadyProcessed,
        List<T> pending,
        CancellationToken cancellationToken)
    {
        foreach (var record in page.Records)
        {
            var key = source.KeyOf(record);
            _highestRead = _highestRead is { } highest ? Max(highest, key.LastModified) : key.LastModified;
            if (alreadyProcessed.TryGetValue(key.Id, out var seen) && seen == key.LastModified)
            {
                _skipped++;
                continue;
            }

            if (pending.Count == 0)
            {
                _oldestPendingFetchCursor = fetchCursor;
            }

            pending.Add(record);
            if (pending.Count == options.BatchSize)
            {
                await UpsertAsync(pending, cancellationToken);
                pending.Clear();
            }
        }
    }

    /// <summary>A page read that runs while the previous page is upserted, with the source that cancels it.</summary>
    private sealed record ReadAhead(Task<PollerPage<T>> Page, CancellationTokenSource Cancellation) : IDisposable
    {
        /// <summary>Cancels a read that the run no longer needs and waits for it without raising its error, so no
        /// read outlives the run and the upsert's error is the one that stops it.</summary>
        public async Task AbandonAsync()
        {
            await Cancellation.CancelAsync();
            await ((Task)Page).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Cancellation.Dispose();
        }

        public void Dispose() => Cancellation.Dispose();
    }

    private async Task UpsertAsync(List<T> batch, CancellationToken cancellationToken)
    {
        var records = batch.ToList();
        var outcomes = await engine.RetryAsync(poller, runId, $"upserting {records.Count} records", "upsert", options,
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

                // One index read per run instead of one failure lookup per upserted record.
                _recordsWithOutcomes ??= await engine.RecordsWithOutcomesAsync(poller, cancellationToken);
                if (_recordsWithOutcomes.Contains(key.Id))
                {
                    await engine.ResolveFailureAsync(poller, key.Id, cancellationToken);
                }

                continue;
            }

            _failures.Add(new FailedRecord(
                recordType, key.Id, outcome?.SalesforceReference,
                outcome?.ErrorCode ?? "MISSING_RESULT", outcome?.Message ?? "Salesforce returned no result for this record."));
            await engine.RecordFailureAsync(poller, recordType, _failures[^1], outcome?.UpsertJson, cancellationToken);
        }

        DropProcessedBeforeOverlap();
    }
}
