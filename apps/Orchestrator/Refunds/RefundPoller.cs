using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Invoices;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Refunds;

/// <summary>NetSuite credit memos and customer refunds modified in a window, read through the NetSuite System API.</summary>
public sealed class RefundSource(INetSuiteSapi netSuite) : IPollerSource<NetSuiteRefund>
{
    public async Task<PollerPage<NetSuiteRefund>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await Transient.RunAsync(
            "Reading NetSuite refunds",
            () => netSuite.ListRefundsAsync(since, until, pageSize, cursor, cancellationToken),
            cancellationToken);
        return new PollerPage<NetSuiteRefund>(page.Items, page.HasMore, page.Cursor);
    }

    public PolledKey KeyOf(NetSuiteRefund record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PolledKey(record.InternalId, record.LastModifiedDate);
    }
}

/// <summary>Upserts refunds into <c>Refund__c</c> by <c>NetSuite_Id__c</c> through the Salesforce System API.</summary>
public sealed class RefundSink(ISalesforceSapi salesforce) : IPollerSink<NetSuiteRefund>
{
    public async Task<IReadOnlyList<SinkOutcome>> UpsertAsync(
        IReadOnlyList<NetSuiteRefund> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var upserts = batch.Select(refund => new RefundUpsert(
            refund.InternalId,
            refund.TranId,
            refund.CustomerId,
            refund.TranDate,
            refund.Amount,
            refund.Status,
            refund.Memo)).ToList();
        BatchUpsertResponse response;
        try
        {
            response = await Transient.RunAsync(
                $"Upserting {upserts.Count} refunds into Salesforce",
                () => salesforce.UpsertRefundsAsync(upserts, cancellationToken),
                cancellationToken);
        }
        catch (TransientPollerException exception) when (exception.Permanent)
        {
            // The whole batch was rejected: every refund in it is a failed record, and the run goes on.
            return batch.Select(refund => new SinkOutcome(
                refund.InternalId, false, "BATCH_REJECTED", exception.Message, $"{refund.Type} {refund.TranId}")).ToList();
        }

        return batch.Select((refund, index) =>
        {
            var result = response.Results.FirstOrDefault(r => r.Index == index);
            var error = result?.Errors.FirstOrDefault();
            return new SinkOutcome(
                refund.InternalId,
                result?.Success == true,
                error?.StatusCode,
                error is null ? null : $"{error.Message} (fields: {string.Join(", ", error.Fields)})",
                $"{refund.Type} {refund.TranId}, customer {refund.CustomerId}");
        }).ToList();
    }
}
