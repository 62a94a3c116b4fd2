using DaprSync.Runtime;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.Outcomes;

/// <summary>
/// Keeps one <see cref="SyncOutcome"/> per flow and record in the state store, plus an index key per
/// flow that lists the record ids and one that lists the flows, because the state store has no query.
/// Every key is written with ETag concurrency so that parallel deliveries neither lose an attempt nor
/// drop an index entry.
/// </summary>
public sealed partial class SyncOutcomeStore(
    IStateStore state,
    TimeProvider time,
    ILogger<SyncOutcomeStore> logger,
    DaprSyncMetrics? metrics = null)
{
    private const int MaxConflictRetries = 20;

    /// <summary>
    /// Stores the result of one attempt and returns the outcome as stored. A failure is <c>Open</c>; a
    /// success after a failure resolves it.
    /// </summary>
    public async Task<SyncOutcome> RecordAsync(string flow, RecordResult result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentNullException.ThrowIfNull(result);

        var key = OutcomeKey(flow, result.RecordId);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await state.GetAsync<SyncOutcome>(key, cancellationToken);
            var outcome = Merge(flow, result, existing?.Value, now);
            if (await state.TrySaveAsync(key, outcome, existing?.ETag, cancellationToken: cancellationToken))
            {
                // Checked on every attempt, not only the first, so that a crash between the two writes
                // is repaired by the next delivery.
                await AddToIndexAsync(flow, result.RecordId, cancellationToken);
                RecordMetric(flow, result);
                return outcome;
            }

            logger.StateConflictRetried(key, attempt);
        }

        throw new InvalidOperationException(
            $"Outcome of {flow} record {result.RecordId} was not saved: {MaxConflictRetries} ETag conflicts in a row.");
    }

    private void RecordMetric(string flow, RecordResult result)
    {
        if (result.Outcome == SyncOutcomes.Synced)
        {
            metrics?.RecordSynced(flow);
        }
        else if (result.Outcome == SyncOutcomes.Failed)
        {
            metrics?.RecordFailed(flow, result.ErrorCode);
        }
    }

    /// <summary>
    /// The ids of every record the flow has an outcome for, read from the flow's index in one state call, so a
    /// caller with many records can skip the ones that never had one.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListRecordIdsAsync(string flow, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        var index = await state.GetAsync<List<string>>(IndexKey(flow), cancellationToken);
        return new HashSet<string>(index?.Value ?? [], StringComparer.Ordinal);
    }

    /// <summary>Lists the outcomes of a flow, ordered by record id; empty when the flow has none.</summary>
    public async Task<IReadOnlyList<SyncOutcome>> ListAsync(string flow, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);

        var index = await state.GetAsync<List<string>>(IndexKey(flow), cancellationToken);
        var outcomes = new List<SyncOutcome>();
        foreach (var recordId in index?.Value ?? [])
        {
            var entry = await state.GetAsync<SyncOutcome>(OutcomeKey(flow, recordId), cancellationToken);
            if (entry is not null)
            {
                outcomes.Add(entry.Value);
            }
        }

        return outcomes;
    }

    /// <summary>Reads the outcome of one record; null when the flow has none for it.</summary>
    public async Task<SyncOutcome?> GetAsync(string flow, string recordId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        return (await state.GetAsync<SyncOutcome>(OutcomeKey(flow, recordId), cancellationToken))?.Value;
    }

    private static SyncOutcome Merge(string flow, RecordResult result, SyncOutcome? existing, DateTimeOffset now)
    {
        var failed = result.Outcome != SyncOutcomes.Synced;
        var failedBefore = existing?.Status is not null || existing?.Outcome == SyncOutcomes.Failed;

        // A failure that continues keeps its report marker, so the emails list it once. A failure after a
        // resolution is a new one and is reported again.
        var reportedAt = failed && existing?.IsOpenFailure == true ? existing.ReportedAt : null;
        string? status = null;
        if (failed)
        {
            status = FailureStatus.Open;
        }
        else if (failedBefore)
        {
            status = FailureStatus.Resolved;
        }

        return new SyncOutcome(
            flow,
            result.RecordId,
            result.Outcome,
            result.NetSuiteId ?? existing?.NetSuiteId,
            result.ErrorCode,
            result.Message,
            result.Field,
            (existing?.Attempts ?? 0) + 1,
            existing?.FirstSeen ?? now,
            now)
        {
            RecordType = result.RecordType ?? existing?.RecordType,
            SalesforceId = result.SalesforceId ?? existing?.SalesforceId,
            Status = status,
            Retry = failed ? result.Retry ?? existing?.Retry : null,
            ReportedAt = reportedAt,
            ResolvedAt = !failed && failedBefore ? now : null,
        };
    }

    private static string OutcomeKey(string flow, string recordId) => $"outcomes:{flow}:{recordId}";

    private static string IndexKey(string flow) => $"outcomes:{flow}:index";
}
