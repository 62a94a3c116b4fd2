using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.Customers;

/// <summary>Result of a customer upsert. Each case maps onto one HTTP status of <c>PUT /customers</c>.</summary>
public abstract record CustomerUpsertOutcome
{
    private CustomerUpsertOutcome()
    {
    }

    /// <summary>NetSuite stored the customer.</summary>
    public sealed record Succeeded(CustomerUpsertResult Result) : CustomerUpsertOutcome;

    /// <summary>NetSuite rejected this record, so sending it again unchanged fails again.</summary>
    public sealed record Rejected(int NetSuiteStatus, string? ErrorCode, string? Field, string Detail)
        : CustomerUpsertOutcome;

    /// <summary>NetSuite rejected the credentials (401 <c>INVALID_LOGIN</c>), so every record fails until they are
    /// fixed.</summary>
    public sealed record LoginFailed : CustomerUpsertOutcome;

    /// <summary>A failure that a later retry can clear: 429, 5xx, a timeout or a connection error.</summary>
    public sealed record Transient(string Reason) : CustomerUpsertOutcome;

    /// <summary>A NetSuite response that the REST API does not document, such as a 204 without Location.</summary>
    public sealed record UnexpectedResponse(string Reason) : CustomerUpsertOutcome;
}
