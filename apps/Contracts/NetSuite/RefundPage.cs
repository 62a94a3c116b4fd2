namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A NetSuite credit memo (<c>CustCred</c>) or customer refund (<c>CustRfnd</c>) as the refund flow reads it;
/// <see cref="Type"/> is that type code and <see cref="Amount"/> is in <see cref="Currency"/>.
/// </summary>
public sealed record NetSuiteRefund(
    string InternalId,
    string TranId,
    string Type,
    string? CustomerId,
    DateOnly TranDate,
    string? Status,
    decimal Amount,
    string? Memo,
    string? Currency,
    DateTimeOffset LastModifiedDate);

/// <summary>One page of refunds, paged like <see cref="InvoicePage"/>.</summary>
public sealed record RefundPage(
    IReadOnlyList<NetSuiteRefund> Items,
    bool HasMore,
    string? Cursor,
    DateTimeOffset Until);
