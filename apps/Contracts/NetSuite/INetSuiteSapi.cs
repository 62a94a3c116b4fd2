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
}
