namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A NetSuite item fulfilment (<c>ItemShip</c>) as the fulfilment flow reads it. <see cref="SalesOrderId"/> is the
/// internal id of the Sales Order it ships; <see cref="Status"/> is NetSuite's shipping status
/// (<c>Picked</c>, <c>Packed</c> or <c>Shipped</c>).
/// </summary>
public sealed record NetSuiteFulfilment(
    string InternalId,
    string TranId,
    string SalesOrderId,
    DateOnly ShipDate,
    string? Carrier,
    IReadOnlyList<string> TrackingNumbers,
    string? Status,
    DateTimeOffset LastModifiedDate);

/// <summary>One page of item fulfilments, paged like <see cref="InvoicePage"/>.</summary>
public sealed record FulfilmentPage(
    IReadOnlyList<NetSuiteFulfilment> Items,
    bool HasMore,
    string? Cursor,
    DateTimeOffset Until);
