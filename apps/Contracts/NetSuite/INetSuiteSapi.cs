using Refit;

namespace DaprSync.Contracts.NetSuite;

/// <summary>HTTP contract of the NetSuite System API (<c>ns-sapi</c>), called through service invocation.</summary>
public interface INetSuiteSapi
{
    /// <summary>
    /// Creates or updates a Customer. A rejected record answers 422 with a ProblemDetails body whose
    /// <c>errorCode</c> extension carries NetSuite's code; a transient NetSuite failure answers 503.
    /// </summary>
    [Put("/customers")]
    Task<CustomerUpsertResult> UpsertCustomerAsync(
        [Body] CustomerUpsertRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates a Sales Order by external id (the Salesforce Order id). An unknown SKU, customer or
    /// country answers 422 with <c>errorCode</c> and <c>field</c>; a transient NetSuite failure answers 503.
    /// </summary>
    [Put("/sales-orders")]
    Task<SalesOrderUpsertResult> UpsertSalesOrderAsync(
        [Body] SalesOrderUpsertRequest request,
        CancellationToken cancellationToken = default);
}
