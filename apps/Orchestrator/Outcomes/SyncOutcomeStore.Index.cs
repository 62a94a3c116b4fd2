namespace DaprSync.Orchestrator.Outcomes;

/// <summary>The index keys: record ids per flow, and the flows themselves.</summary>
public sealed partial class SyncOutcomeStore
{
    private const string FlowsKey = "outcomes:flows";

    private async Task AddToIndexAsync(string flow, string recordId, CancellationToken cancellationToken)
    {
        if (await AddToSortedListAsync(IndexKey(flow), recordId, cancellationToken))
        {
            // Only a flow's first record adds the flow, so the flows key is read once per new record.
            await AddToSortedListAsync(FlowsKey, flow, cancellationToken);
        }
    }

    // Returns true when the value was added, false when the list had it already.
    private async Task<bool> AddToSortedListAsync(string key, string value, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var index = await state.GetAsync<List<string>>(key, cancellationToken);
            var values = index?.Value ?? [];
            var position = values.BinarySearch(value, StringComparer.Ordinal);
            if (position >= 0)
            {
                return false;
            }

            values.Insert(~position, value);
            if (await state.TrySaveAsync(key, values, index?.ETag, cancellationToken: cancellationToken))
            {
                return true;
            }

            logger.StateConflictRetried(key, attempt);
        }

        throw new InvalidOperationException(
            $"Index {key} was not updated with {value}: {MaxConflictRetries} ETag conflicts in a row.");
    }
}
