using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>Members of the contract that the customer flow never calls; a call fails the test.</summary>
internal sealed partial class FakeSalesforceSapi
{
    public Task<SalesforceOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not read orders.");

    public Task UpdateOrderSyncAsync(
        string orderId, OrderSyncUpdate update, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not write orders.");

    public Task<BatchUpsertResponse> UpsertInvoicesAsync(
        IReadOnlyList<InvoiceUpsert> invoices, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not write invoices.");

    public Task<BatchUpsertResponse> UpsertRefundsAsync(
        IReadOnlyList<RefundUpsert> refunds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not write refunds.");

    public Task<DeletionMarkResponse> MarkInvoicesDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not mark invoices deleted.");

    public Task<DeletionMarkResponse> MarkRefundsDeletedAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not mark refunds deleted.");

    public Task UpdatePaymentSyncAsync(
        string paymentId, PaymentSyncUpdate update, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not write payments.");

    public Task<BatchUpsertResponse> UpdateOrderFulfilmentsAsync(
        IReadOnlyList<OrderFulfilmentUpdate> fulfilments, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not write fulfilments.");
}
