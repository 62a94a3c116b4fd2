namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A transaction deleted in NetSuite, read from the <c>DeletedRecord</c> table. <see cref="Type"/> is the
/// transaction type code (<c>CustInvc</c>, <c>CustCred</c>, <c>CustRfnd</c>, <c>ItemShip</c>).
/// </summary>
public sealed record NetSuiteDeletedTransaction(
    string InternalId,
    string Type,
    DateTimeOffset DeletedDate);

/// <summary>One page of deleted transactions, ordered by deletion time and id, paged like <see cref="InvoicePage"/>.</summary>
public sealed record DeletedTransactionPage(
    IReadOnlyList<NetSuiteDeletedTransaction> Items,
    bool HasMore,
    string? Cursor,
    DateTimeOffset Until);
