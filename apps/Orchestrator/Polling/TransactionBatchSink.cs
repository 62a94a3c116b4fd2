using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// A batch sink for polled transactions: modified records go through the batch upsert, deletions through the
/// System API call that marks existing records <c>Deleted</c>. An upsert of a deletion would create a bare
/// Salesforce record when Salesforce never had the transaction, so a deletion of an unknown id is skipped instead.
/// </summary>
public abstract class TransactionBatchSink<TRecord, TUpsert> : SalesforceBatchSink<PolledChange<TRecord>, TUpsert>
    where TRecord : class
{
    /// <summary>Marks the records with these NetSuite ids deleted, reporting ids Salesforce lacks as skipped.</summary>
    protected abstract Task<DeletionMarkResponse> MarkDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken);

    protected sealed override async Task<BatchUpsertResponse> SendBatchAsync(
        IReadOnlyList<PolledChange<TRecord>> batch, IReadOnlyList<TUpsert> upserts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(upserts);
        var modified = Enumerable.Range(0, batch.Count).Where(i => batch[i].Record is not null).ToList();
        var deleted = Enumerable.Range(0, batch.Count).Where(i => batch[i].Record is null).ToList();
        var results = new RecordUpsertResult?[batch.Count];

        // Each call's results carry indexes into its own list, which map back to positions in the batch.
        if (modified.Count > 0)
        {
            var response = await SendAsync([.. modified.Select(i => upserts[i])], cancellationToken);
            foreach (var result in response.Results.Where(r => r.Index >= 0 && r.Index < modified.Count))
            {
                results[modified[result.Index]] = result with { Index = modified[result.Index] };
            }
        }

        if (deleted.Count > 0)
        {
            var ids = deleted.Select(i => batch[i].Deletion!.InternalId).ToList();
            var response = await MarkDeletedAsync(ids, cancellationToken);
            foreach (var result in response.Results.Where(r => r.Index >= 0 && r.Index < deleted.Count))
            {
                var index = deleted[result.Index];
                results[index] = new RecordUpsertResult(
                    index, result.NetSuiteId, result.Id, result.Success, Created: false, result.Errors);
            }
        }

        var known = results.OfType<RecordUpsertResult>().ToList();
        var saved = known.Count(result => result.Success);
        return new BatchUpsertResponse(saved, known.Count - saved, known);
    }
}
