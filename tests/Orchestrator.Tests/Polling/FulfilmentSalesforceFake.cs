using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// In-memory fake of the project's own <see cref="ISalesforceSapi"/> contract for the fulfilment flow: Orders by
/// NetSuite order id with their last shipping state, and every fulfilment call. An Order not listed is a failed
/// result with <c>NOT_FOUND</c>, as the real System API returns.
/// </summary>
internal sealed class FulfilmentSalesforceFake : ISalesforceSapi
{
    private readonly Dictionary<string, OrderFulfilmentUpdate?> _orders = new(StringComparer.Ordinal);

    public List<IReadOnlyList<OrderFulfilmentUpdate>> Calls { get; } = [];

    public void AddOrder(string orderNetSuiteId) => _orders[orderNetSuiteId] = null;

    public OrderFulfilmentUpdate? ShippingOf(string orderNetSuiteId) => _orders[orderNetSuiteId];

    public Task<BatchUpsertResponse> UpdateOrderFulfilmentsAsync(
        IReadOnlyList<OrderFulfilmentUpdate> fulfilments, CancellationToken cancellationToken = default)
    {
        Calls.Add(fulfilments);
        var results = fulfilments.Select((update, index) =>
        {
            if (!_orders.ContainsKey(update.OrderNetSuiteId))
            {
                return new RecordUpsertResult(index, update.OrderNetSuiteId, null, false, false,
                    [new SalesforceRecordError("NOT_FOUND", $"No Order has NetSuite order id {update.OrderNetSuiteId}.", [])]);
            }

            _orders[update.OrderNetSuiteId] = update;
            return new RecordUpsertResult(index, update.OrderNetSuiteId, "801000000000001", true, false, []);
        }).ToList();
        return Task.FromResult(new BatchUpsertResponse(
            results.Count(r => r.Success), results.Count(r => !r.Success), results));
    }

    public Task<SalesforceAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not read accounts.");

    public Task UpdateAccountSyncAsync(string accountId, AccountSyncUpdate update, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write accounts.");

    public Task<SalesforceOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not read orders.");

    public Task UpdateOrderSyncAsync(string orderId, OrderSyncUpdate update, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write the order sync status.");

    public Task<BatchUpsertResponse> UpsertInvoicesAsync(
        IReadOnlyList<InvoiceUpsert> invoices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write invoices.");

    public Task<BatchUpsertResponse> UpsertRefundsAsync(
        IReadOnlyList<RefundUpsert> refunds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write refunds.");

    public Task<DeletionMarkResponse> MarkInvoicesDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not mark invoices deleted.");

    public Task<DeletionMarkResponse> MarkRefundsDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not mark refunds deleted.");

    public Task UpdatePaymentSyncAsync(string paymentId, PaymentSyncUpdate update, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fulfilment flow does not write payments.");
}
