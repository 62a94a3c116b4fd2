using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
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

/// <summary>Upserts credit memos and refunds into <c>Refund__c</c> by <c>NetSuite_Id__c</c>, with the Account looked up by its NetSuite id.</summary>
public sealed class RefundSink(ISalesforceSapi salesforce) : SalesforceBatchSink<NetSuiteRefund, RefundUpsert>
{
    protected override string RecordsName => "refunds";

    protected override RefundUpsert Map(NetSuiteRefund record) => new(
        record.InternalId, record.TranId, record.CustomerId, record.TranDate, record.Amount, record.Status, record.Memo);

    protected override Task<BatchUpsertResponse> SendAsync(IReadOnlyList<RefundUpsert> upserts, CancellationToken cancellationToken) =>
        salesforce.UpsertRefundsAsync(upserts, cancellationToken);

    protected override string NetSuiteIdOf(NetSuiteRefund record) => record.InternalId;

    protected override string ReferenceOf(NetSuiteRefund record) => $"{record.Type} {record.TranId}, customer {record.CustomerId}";
}
