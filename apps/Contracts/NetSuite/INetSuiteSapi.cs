using Refit;

namespace DaprSync.Contracts.NetSuite;

/// <summary>HTTP contract of the NetSuite System API (<c>ns-sapi</c>), called through service invocation.</summary>
public interface INetSuiteSapi
{
    /// <summary>
    /// Creates or updates a Customer. A rejected record returns 422 with a ProblemDetails body whose
    /// <c>errorCode</c> extension contains NetSuite's code. A transient NetSuite failure returns 503.
    /// </summary>
    [Put("/customers")]
    Task<CustomerUpsertResult> UpsertCustomerAsync(
        [Body] CustomerUpsertRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates a Sales Order by external id (the Salesforce Order id). An unknown SKU, customer or
    /// country returns 422 with <c>errorCode</c> and <c>field</c>. A transient NetSuite failure returns 503.
    /// </summary>
    [Put("/sales-orders")]
    Task<SalesOrderUpsertResult> UpsertSalesOrderAsync(
        [Body] SalesOrderUpsertRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists invoices modified at or after <paramref name="modifiedSince"/>, one page at a time. The first call
    /// fixes the upper bound (<paramref name="until"/>, or the current time); later calls pass the cursor of the
    /// previous page. <paramref name="pageSize"/> is 1 to 1000.
    /// </summary>
    [Get("/invoices")]
    Task<InvoicePage> ListInvoicesAsync(
        [Query(Format = "o")] DateTimeOffset modifiedSince,
        [Query(Format = "o")] DateTimeOffset? until = null,
        int? pageSize = null,
        string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists credit memos and customer refunds modified since a time, paged like invoices.</summary>
    [Get("/refunds")]
    Task<RefundPage> ListRefundsAsync(
        [Query(Format = "o")] DateTimeOffset modifiedSince,
        [Query(Format = "o")] DateTimeOffset? until = null,
        int? pageSize = null,
        string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists item fulfilments modified since a time, paged like invoices.</summary>
    [Get("/fulfilments")]
    Task<FulfilmentPage> ListFulfilmentsAsync(
        [Query(Format = "o")] DateTimeOffset modifiedSince,
        [Query(Format = "o")] DateTimeOffset? until = null,
        int? pageSize = null,
        string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists transactions of the given types (comma separated type codes such as <c>CustInvc,CustCred</c>)
    /// deleted at or after <paramref name="deletedSince"/>, paged like invoices.
    /// </summary>
    [Get("/deleted-transactions")]
    Task<DeletedTransactionPage> ListDeletedTransactionsAsync(
        string types,
        [Query(Format = "o")] DateTimeOffset deletedSince,
        [Query(Format = "o")] DateTimeOffset? until = null,
        int? pageSize = null,
        string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates the customer payment whose external id is the Salesforce Payment id and applies it to
    /// the invoice. Returns 422 for a payment NetSuite rejected and 503 for a transient failure.
    /// </summary>
    [Put("/payments")]
    Task<PaymentUpsertResult> UpsertPaymentAsync(
        [Body] PaymentUpsertRequest request,
        CancellationToken cancellationToken = default);
}
