using DaprSync.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.Outcomes;

/// <summary>
/// Keeps one <see cref="SyncOutcome"/> per flow and record in the state store, plus an index key per
/// flow that lists the record ids, because the state store has no query. Both keys are written with
/// ETag concurrency so that parallel deliveries neither lose an attempt nor drop an index entry.
/// </summary>
public sealed class SyncOutcomeStore(IStateStore state, TimeProvider time, ILogger<SyncOutcomeStore> logger)
{
    private const int MaxConflictRetries = 20;

    /// <summary>Stores the result of one attempt and returns the outcome as stored.</summary>
    public async Task<SyncOutcome> RecordAsync(string flow, RecordResult result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentNullException.ThrowIfNull(result);

        var key = OutcomeKey(flow, result.RecordId);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await state.GetAsync<SyncOutcome>(key, cancellationToken);
            var outcome = new SyncOutcome(
                flow,
                result.RecordId,
                result.Outcome,
                result.NetSuiteId ?? existing?.Value.NetSuiteId,
                result.ErrorCode,
                result.Message,
                result.Field,
                (existing?.Value.Attempts ?? 0) + 1,
                existing?.Value.FirstSeen ?? now,
                now);

            if (await state.TrySaveAsync(key, outcome, existing?.ETag, cancellationToken: cancellationToken))
            {
                // Checked on every attempt, not only the first, so that a crash between the two writes
                // is repaired by the next delivery.
                await AddToIndexAsync(flow, result.RecordId, cancellationToken);
                return outcome;
            }

            logger.StateConflictRetried(key, attempt);
        }

        throw new InvalidOperationException(
            $"Outcome of {flow} record {result.RecordId} was not saved: {MaxConflictRetries} ETag conflicts in a row.");
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

    private async Task AddToIndexAsync(string flow, string recordId, CancellationToken cancellationToken)
    {
        var key = IndexKey(flow);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var index = await state.GetAsync<List<string>>(key, cancellationToken);
            var recordIds = index?.Value ?? [];
            var position = recordIds.BinarySearch(recordId, StringComparer.Ordinal);
            if (position >= 0)
            {
                return;
            }

            recordIds.Insert(~position, recordId);
            if (await state.TrySaveAsync(key, recordIds, index?.ETag, cancellationToken: cancellationToken))
            {
                return;
            }

            logger.StateConflictRetried(key, attempt);
        }

        throw new InvalidOperationException(
            $"Index of flow {flow} was not updated with record {recordId}: "
            + $"{MaxConflictRetries} ETag conflicts in a row.");
    }

    private static string OutcomeKey(string flow, string recordId) => $"outcomes:{flow}:{recordId}";

    private static string IndexKey(string flow) => $"outcomes:{flow}:index";
}
