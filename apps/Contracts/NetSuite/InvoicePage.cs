namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A NetSuite invoice as the invoice flow reads it. Amounts are in <see cref="Currency"/> (ISO 4217 code);
/// <see cref="SalesOrderId"/> is the internal id of the Sales Order it was billed from, when there is one.
/// </summary>
public sealed record NetSuiteInvoice(
    string InternalId,
    string TranId,
    string? CustomerId,
    string? SalesOrderId,
    DateOnly TranDate,
    DateOnly? DueDate,
    string? Status,
    decimal Total,
    decimal AmountRemaining,
    string? Currency,
    DateTimeOffset LastModifiedDate);

/// <summary>
/// One page of invoices modified in [<c>modifiedSince</c>, <see cref="Until"/>), ordered by last modification and
/// internal id. <see cref="Until"/> is fixed by the first page; pass <see cref="Cursor"/> back for the next page
/// while <see cref="HasMore"/> is true.
/// </summary>
public sealed record InvoicePage(
    IReadOnlyList<NetSuiteInvoice> Items,
    bool HasMore,
    string? Cursor,
    DateTimeOffset Until);
