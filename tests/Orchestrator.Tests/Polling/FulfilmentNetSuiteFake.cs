using System.Globalization;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// In-memory fake of the project's own <see cref="INetSuiteSapi"/> contract for the fulfilment flow: item
/// fulfilments and the deleted-record list, read by window with an offset cursor.
/// </summary>
internal sealed class FulfilmentNetSuiteFake : INetSuiteSapi
{
    private readonly Dictionary<string, NetSuiteFulfilment> _fulfilments = new(StringComparer.Ordinal);
    private readonly List<NetSuiteDeletedTransaction> _deleted = [];

    public List<string> DeletedTypesRequested { get; } = [];

    public void Fulfil(NetSuiteFulfilment fulfilment) => _fulfilments[fulfilment.InternalId] = fulfilment;

    public void Delete(string internalId, DateTimeOffset deletedAt)
    {
        _fulfilments.Remove(internalId);
        _deleted.Add(new NetSuiteDeletedTransaction(internalId, "ItemShip", deletedAt));
    }

    public Task<FulfilmentPage> ListFulfilmentsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var (items, hasMore, next) = Page(
            _fulfilments.Values, f => f.LastModifiedDate, modifiedSince, until!.Value, pageSize!.Value, cursor);
        return Task.FromResult(new FulfilmentPage(items, hasMore, next, until.Value));
    }

    public Task<DeletedTransactionPage> ListDeletedTransactionsAsync(
        string types, DateTimeOffset deletedSince, DateTimeOffset? until = null, int? pageSize = null,
        string? cursor = null, CancellationToken cancellationToken = default)
    {
        DeletedTypesRequested.Add(types);
        var (items, hasMore, next) = Page(_deleted, d => d.DeletedDate, deletedSince, until!.Value, pageSize!.Value, cursor);
        return Task.FromResult(new DeletedTransactionPage(items, hasMore, next, until.Value));
    }

    public Task<InvoicePage> ListInvoicesAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not read invoices.");

    public Task<RefundPage> ListRefundsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not read refunds.");

    public Task<CustomerUpsertResult> UpsertCustomerAsync(
        CustomerUpsertRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write customers.");

    public Task<SalesOrderUpsertResult> UpsertSalesOrderAsync(
        SalesOrderUpsertRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write sales orders.");

    public Task<PaymentUpsertResult> UpsertPaymentAsync(
        PaymentUpsertRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write payments.");

    // The window is [since, until), as the System API reads it.
    private static (List<T> Items, bool HasMore, string? Cursor) Page<T>(
        IEnumerable<T> records, Func<T, DateTimeOffset> timeOf, DateTimeOffset since, DateTimeOffset until,
        int pageSize, string? cursor)
    {
        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var window = records.Where(r => timeOf(r) >= since && timeOf(r) < until).OrderBy(timeOf).ToList();
        var page = window.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return (page, next < window.Count, next < window.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
    }
}
