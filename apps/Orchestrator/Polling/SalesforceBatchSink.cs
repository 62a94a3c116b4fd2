using System.Text.Json;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// A poller sink that maps each NetSuite record to its Salesforce upsert and sends the batch through one
/// sf-sapi call. Results come back in request order, and their index ties each one to its record. A batch
/// that sf-sapi rejects as a whole turns into one failed record per entry, so the run goes on.
/// </summary>
public abstract class SalesforceBatchSink<TRecord, TUpsert> : IPollerSink<TRecord>
{
    /// <summary>Plural noun for logs and errors, for example <c>invoices</c>.</summary>
    protected abstract string RecordsName { get; }

    public async Task<IReadOnlyList<SinkOutcome>> UpsertAsync(IReadOnlyList<TRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var upserts = batch.Select(Map).ToList();
        BatchUpsertResponse response;
        try
        {
            response = await Transient.RunAsync(
                $"Upserting {upserts.Count} {RecordsName} into Salesforce",
                () => SendBatchAsync(batch, upserts, cancellationToken),
                cancellationToken);
        }
        catch (TransientPollerException exception) when (exception.Permanent)
        {
            return batch.Select((record, index) => new SinkOutcome(
                NetSuiteIdOf(record), false, "BATCH_REJECTED", exception.Message, ReferenceOf(record))
            {
                UpsertJson = JsonSerializer.Serialize(upserts[index], JsonSerializerOptions.Web),
            }).ToList();
        }

        return batch.Select((record, index) =>
        {
            var result = response.Results.FirstOrDefault(r => r.Index == index);
            var error = result?.Errors.FirstOrDefault();
            var success = result?.Success == true;
            return new SinkOutcome(
                NetSuiteIdOf(record),
                success,
                error?.StatusCode,
                error is null ? null : $"{error.Message} (fields: {string.Join(", ", error.Fields)})",
                ReferenceOf(record))
            {
                UpsertJson = success ? null : JsonSerializer.Serialize(upserts[index], JsonSerializerOptions.Web),
            };
        }).ToList();
    }

    protected abstract TUpsert Map(TRecord record);

    protected abstract Task<BatchUpsertResponse> SendAsync(IReadOnlyList<TUpsert> upserts, CancellationToken cancellationToken);

    /// <summary>Sends one batch; <paramref name="upserts"/> are the mapped <paramref name="batch"/> in the same order.
    /// A sink that writes some records another way overrides it and returns the results in batch order.</summary>
    protected virtual Task<BatchUpsertResponse> SendBatchAsync(
        IReadOnlyList<TRecord> batch, IReadOnlyList<TUpsert> upserts, CancellationToken cancellationToken) =>
        SendAsync(upserts, cancellationToken);

    protected abstract string NetSuiteIdOf(TRecord record);

    /// <summary>What the failure email shows in its Salesforce reference column for the record.</summary>
    protected abstract string ReferenceOf(TRecord record);
}
