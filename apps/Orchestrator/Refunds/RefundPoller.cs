using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Refunds;

/// <summary>
/// NetSuite credit memos and customer refunds modified or deleted in a window, read through the NetSuite
/// System API.
/// </summary>
public sealed class RefundSource(INetSuiteSapi netSuite) : TransactionSource<NetSuiteRefund>(netSuite)
{
    protected override IReadOnlyList<string> DeletedTypes { get; } = ["CustCred", "CustRfnd"];

    protected override string RecordsName => "refunds";

    protected override async Task<PollerPage<NetSuiteRefund>> ReadModifiedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await NetSuite.ListRefundsAsync(since, until, pageSize, cursor, cancellationToken);
        return new PollerPage<NetSuiteRefund>(page.Items, page.HasMore, page.Cursor);
    }

    protected override PolledKey KeyOfRecord(NetSuiteRefund record) => new(record.InternalId, record.LastModifiedDate);
}

/// <summary>
/// Upserts credit memos and refunds into <c>Refund__c</c> by <c>NetSuite_Id__c</c>, with the Account looked up
/// by its NetSuite id. A deleted one that Salesforce has gets status <c>Deleted</c> and no other field, and one it
/// never had is skipped.
/// </summary>
public sealed class RefundSink(ISalesforceSapi salesforce) : TransactionBatchSink<NetSuiteRefund, RefundUpsert>
{
    protected override string RecordsName => "refunds";

    protected override RefundUpsert Map(PolledChange<NetSuiteRefund> change) => change.Record is { } record
        ? new RefundUpsert(
            record.InternalId, record.TranId, record.CustomerId, record.TranDate, record.Amount, record.Status, record.Memo)
        : new RefundUpsert(
            change.Deletion!.InternalId, null, null, null, null, PolledChange<NetSuiteRefund>.DeletedStatus, null);

    protected override Task<BatchUpsertResponse> SendAsync(IReadOnlyList<RefundUpsert> upserts, CancellationToken cancellationToken) =>
        salesforce.UpsertRefundsAsync(upserts, cancellationToken);

    protected override Task<DeletionMarkResponse> MarkDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken) =>
        salesforce.MarkRefundsDeletedAsync(netSuiteIds, cancellationToken);

    protected override string NetSuiteIdOf(PolledChange<NetSuiteRefund> change) =>
        change.Record?.InternalId ?? change.Deletion!.InternalId;

    protected override string ReferenceOf(PolledChange<NetSuiteRefund> change) => change.Record is { } record
        ? $"{record.Type} {record.TranId}, customer {record.CustomerId}"
        : $"{change.Deletion!.Type} deleted in NetSuite at {change.Deletion.DeletedDate:yyyy-MM-dd HH:mm:ss} UTC";
}
