using System.Collections.Concurrent;
using System.Net;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Tests.Fakes;

namespace DaprSync.Orchestrator.Tests.Orders;

/// <summary>
/// In-memory fake of the project's own <see cref="ISalesforceSapi"/> contract for the order and payment flows:
/// Accounts, Orders and every writeback in order, with queued failures per operation.
/// </summary>
internal sealed class OrderSalesforceFake : ISalesforceSapi
{
    private readonly ConcurrentDictionary<string, SalesforceAccount> accounts = new();
    private readonly ConcurrentDictionary<string, SalesforceOrder> orders = new();

    public ConcurrentQueue<(string OrderId, OrderSyncUpdate Update)> OrderWritebacks { get; } = new();

    public ConcurrentQueue<(string AccountId, AccountSyncUpdate Update)> AccountWritebacks { get; } = new();

    public ConcurrentQueue<(string PaymentId, PaymentSyncUpdate Update)> PaymentWritebacks { get; } = new();

    /// <summary>Failures raised by the next Order writebacks, one per call.</summary>
    public ConcurrentQueue<Exception> OrderWritebackFailures { get; } = new();

    /// <summary>Failures raised by the next Payment writebacks, one per call.</summary>
    public ConcurrentQueue<Exception> PaymentWritebackFailures { get; } = new();

    public void Add(SalesforceAccount account) => accounts[account.Id] = account;

    public void Add(SalesforceOrder order) => orders[order.Id] = order;

    public SalesforceOrder Order(string orderId) => orders[orderId];

    public async Task<SalesforceAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        accounts.TryGetValue(accountId, out var account)
            ? account
            : throw await ApiExceptions.CreateAsync(HttpStatusCode.NotFound, method: HttpMethod.Get);

    public Task UpdateAccountSyncAsync(string accountId, AccountSyncUpdate update, CancellationToken cancellationToken = default)
    {
        AccountWritebacks.Enqueue((accountId, update));
        if (update.NetSuiteId is not null)
        {
            accounts[accountId] = accounts[accountId] with { NetSuiteId = update.NetSuiteId };
        }

        return Task.CompletedTask;
    }

    public async Task<SalesforceOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (!orders.TryGetValue(orderId, out var order))
        {
            throw await ApiExceptions.CreateAsync(HttpStatusCode.NotFound, method: HttpMethod.Get);
        }

        // The real System API reads the Account's NetSuite id with the Order.
        var accountNetSuiteId = order.AccountId is not null && accounts.TryGetValue(order.AccountId, out var account)
            ? account.NetSuiteId
            : null;
        return order with { AccountNetSuiteId = accountNetSuiteId };
    }

    public async Task UpdateOrderSyncAsync(string orderId, OrderSyncUpdate update, CancellationToken cancellationToken = default)
    {
        if (OrderWritebackFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        if (!orders.ContainsKey(orderId))
        {
            throw await ApiExceptions.CreateAsync(HttpStatusCode.NotFound, method: HttpMethod.Patch);
        }

        OrderWritebacks.Enqueue((orderId, update));
        orders[orderId] = orders[orderId] with
        {
            NetSuiteOrderId = update.NetSuiteOrderId ?? orders[orderId].NetSuiteOrderId,
            NetSuiteOrderNumber = update.NetSuiteOrderNumber ?? orders[orderId].NetSuiteOrderNumber,
            SyncStatus = update.SyncStatus,
        };
    }

    public Task UpdatePaymentSyncAsync(string paymentId, PaymentSyncUpdate update, CancellationToken cancellationToken = default)
    {
        if (PaymentWritebackFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        PaymentWritebacks.Enqueue((paymentId, update));
        return Task.CompletedTask;
    }

    public Task<BatchUpsertResponse> UpdateOrderFulfilmentsAsync(
        IReadOnlyList<OrderFulfilmentUpdate> fulfilments, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not write fulfilments.");

    public Task<BatchUpsertResponse> UpsertInvoicesAsync(
        IReadOnlyList<InvoiceUpsert> invoices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not write invoices.");

    public Task<BatchUpsertResponse> UpsertRefundsAsync(
        IReadOnlyList<RefundUpsert> refunds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not write refunds.");

    public Task<DeletionMarkResponse> MarkInvoicesDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not mark invoices deleted.");

    public Task<DeletionMarkResponse> MarkRefundsDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not mark refunds deleted.");
}
