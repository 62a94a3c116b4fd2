using DaprSync.Contracts.NetSuite;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>Members of the contract that the customer flow never calls; a call fails the test.</summary>
internal sealed partial class FakeNetSuiteSapi
{
    public Task<InvoicePage> ListInvoicesAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not read invoices.");

    public Task<RefundPage> ListRefundsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not read refunds.");

    public Task<PaymentUpsertResult> UpsertPaymentAsync(
        PaymentUpsertRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not post payments.");

    public Task<FulfilmentPage> ListFulfilmentsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not read fulfilments.");

    public Task<DeletedTransactionPage> ListDeletedTransactionsAsync(
        string types, DateTimeOffset deletedSince, DateTimeOffset? until = null, int? pageSize = null,
        string? cursor = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The customer flow does not read deleted transactions.");
}
