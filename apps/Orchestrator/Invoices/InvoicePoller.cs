using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Invoices;

/// <summary>NetSuite invoices modified in a window, read through the NetSuite System API.</summary>
public sealed class InvoiceSource(INetSuiteSapi netSuite) : IPollerSource<NetSuiteInvoice>
{
    public async Task<PollerPage<NetSuiteInvoice>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await Transient.RunAsync(
            "Reading NetSuite invoices",
            () => netSuite.ListInvoicesAsync(since, until, pageSize, cursor, cancellationToken),
            cancellationToken);
        return new PollerPage<NetSuiteInvoice>(page.Items, page.HasMore, page.Cursor);
    }

    public PolledKey KeyOf(NetSuiteInvoice record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PolledKey(record.InternalId, record.LastModifiedDate);
    }
}

/// <summary>Upserts invoices into <c>Invoice__c</c> by <c>NetSuite_Id__c</c>, with the Account and Order looked up by their NetSuite ids.</summary>
public sealed class InvoiceSink(ISalesforceSapi salesforce) : SalesforceBatchSink<NetSuiteInvoice, InvoiceUpsert>
{
    protected override string RecordsName => "invoices";

    protected override InvoiceUpsert Map(NetSuiteInvoice record) => new(
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

    protected override Task<BatchUpsertResponse> SendAsync(IReadOnlyList<InvoiceUpsert> upserts, CancellationToken cancellationToken) =>
        salesforce.UpsertInvoicesAsync(upserts, cancellationToken);

    protected override string NetSuiteIdOf(NetSuiteInvoice record) => record.InternalId;

    protected override string ReferenceOf(NetSuiteInvoice record) => $"Invoice {record.TranId}, customer {record.CustomerId}";
}
