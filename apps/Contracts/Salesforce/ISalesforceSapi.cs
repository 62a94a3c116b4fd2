using Refit;

namespace DaprSync.Contracts.Salesforce;

/// <summary>HTTP contract of the Salesforce System API (<c>sf-sapi</c>), called through service invocation.</summary>
public interface ISalesforceSapi
{
    /// <summary>Reads an Account; 404 when it does not exist.</summary>
    [Get("/accounts/{accountId}")]
    Task<SalesforceAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Writes the NetSuite id and the sync status back to an Account as the integration user.</summary>
    [Patch("/accounts/{accountId}/sync")]
    Task UpdateAccountSyncAsync(
        string accountId,
        [Body] AccountSyncUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Reads an Order with its items and the NetSuite ids of its Account and itself; 404 if missing.</summary>
    [Get("/orders/{orderId}")]
    Task<SalesforceOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Writes the NetSuite sales order id and number and the sync status back to an Order.</summary>
    [Patch("/orders/{orderId}/sync")]
    Task UpdateOrderSyncAsync(
        string orderId,
        [Body] OrderSyncUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes shipping state onto Orders found by their NetSuite order id. An Order that is not in Salesforce
    /// is a failed result with <c>NOT_FOUND</c>, never a new record.
    /// </summary>
    [Post("/orders/fulfilments")]
    Task<BatchUpsertResponse> UpdateOrderFulfilmentsAsync(
        [Body] IReadOnlyList<OrderFulfilmentUpdate> fulfilments,
        CancellationToken cancellationToken = default);

    /// <summary>Creates or updates invoices by NetSuite id. A rejected record is a failed result.</summary>
    [Post("/invoices/upsert")]
    Task<BatchUpsertResponse> UpsertInvoicesAsync(
        [Body] IReadOnlyList<InvoiceUpsert> invoices,
        CancellationToken cancellationToken = default);

    /// <summary>Creates or updates refunds by NetSuite id. A rejected record is a failed result.</summary>
    [Post("/refunds/upsert")]
    Task<BatchUpsertResponse> UpsertRefundsAsync(
        [Body] IReadOnlyList<RefundUpsert> refunds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets <c>Status__c</c> to <c>Deleted</c> on the invoices found by these NetSuite ids. An id that Salesforce
    /// does not have is a skipped result, never a new record.
    /// </summary>
    [Post("/invoices/deletions")]
    Task<DeletionMarkResponse> MarkInvoicesDeletedAsync(
        [Body] IReadOnlyList<string> netSuiteIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets <c>Status__c</c> to <c>Deleted</c> on the refunds found by these NetSuite ids. An id that Salesforce
    /// does not have is a skipped result, never a new record.
    /// </summary>
    [Post("/refunds/deletions")]
    Task<DeletionMarkResponse> MarkRefundsDeletedAsync(
        [Body] IReadOnlyList<string> netSuiteIds,
        CancellationToken cancellationToken = default);

    /// <summary>Writes the NetSuite customer payment id and the sync status back to a <c>Payment__c</c>.</summary>
    [Patch("/payments/{paymentId}/sync")]
    Task UpdatePaymentSyncAsync(
        string paymentId,
        [Body] PaymentSyncUpdate update,
        CancellationToken cancellationToken = default);
}
