using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Invoices;

/// <summary>NetSuite invoices modified or deleted in a window, read through the NetSuite System API.</summary>
public sealed class InvoiceSource(INetSuiteSapi netSuite) : TransactionSource<NetSuiteInvoice>(netSuite)
{
    protected override IReadOnlyList<string> DeletedTypes { get; } = ["CustInvc"];

    protected override string RecordsName => "invoices";

    protected override async Task<PollerPage<NetSuiteInvoice>> ReadModifiedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await NetSuite.ListInvoicesAsync(since, until, pageSize, cursor, cancellationToken);
        return new PollerPage<NetSuiteInvoice>(page.Items, page.HasMore, page.Cursor);
    }

    protected override PolledKey KeyOfRecord(NetSuiteInvoice record) => new(record.InternalId, record.LastModifiedDate);
}

/// <summary>
/// Upserts invoices into <c>Invoice__c</c> by <c>NetSuite_Id__c</c>, with the Account and Order looked up by their
/// NetSuite ids. A voided invoice keeps NetSuite's <c>Voided</c> status. A deleted one that Salesforce has gets
/// status <c>Deleted</c> and no other field, so the fields it had stay as they were, and one it never had is skipped.
/// </summary>
public sealed class InvoiceSink(ISalesforceSapi salesforce) : TransactionBatchSink<NetSuiteInvoice, InvoiceUpsert>
{
    protected override string RecordsName => "invoices";

    protected override InvoiceUpsert Map(PolledChange<NetSuiteInvoice> change)
    {
        if (change.Record is not { } record)
        {
            return new InvoiceUpsert(
                change.Deletion!.InternalId, null, null, null, null, null, PolledChange<NetSuiteInvoice>.DeletedStatus,
                null, null, null);
        }

        return new InvoiceUpsert(
            record.InternalId,
            record.TranId,
            record.CustomerId,
            record.SalesOrderId,
            record.TranDate,
            record.DueDate,
            record.Status,
            record.Total,
            record.AmountRemaining,
            record.Currency);
    }

    protected override Task<BatchUpsertResponse> SendAsync(IReadOnlyList<InvoiceUpsert> upserts, CancellationToken cancellationToken) =>
        salesforce.UpsertInvoicesAsync(upserts, cancellationToken);

    protected override Task<DeletionMarkResponse> MarkDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken) =>
        salesforce.MarkInvoicesDeletedAsync(netSuiteIds, cancellationToken);

    protected override string NetSuiteIdOf(PolledChange<NetSuiteInvoice> change) =>
        change.Record?.InternalId ?? change.Deletion!.InternalId;

    protected override string ReferenceOf(PolledChange<NetSuiteInvoice> change) => change.Record is { } record
        ? $"Invoice {record.TranId}, customer {record.CustomerId}"
        : $"Invoice deleted in NetSuite at {change.Deletion!.DeletedDate:yyyy-MM-dd HH:mm:ss} UTC";
}
