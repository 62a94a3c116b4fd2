namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A Sales Order to create or update, keyed by <see cref="ExternalId"/> (the Salesforce Order id). Ids such as
/// <see cref="CustomerInternalId"/> and <see cref="ShipMethodId"/> are NetSuite internal ids, already mapped by the
/// orchestrator. A null optional value is left out of a create and cleared on an update. When
/// <see cref="InternalId"/> is set (the Order already carries its NetSuite id) the Sales Order is updated by it;
/// otherwise it is upserted by external id, so a repeat cannot create a second one.
/// </summary>
public sealed record SalesOrderUpsertRequest(
    string ExternalId,
    string CustomerInternalId,
    DateOnly OrderDate,
    string? PurchaseOrderNumber,
    string? Memo,
    string? ShipMethodId,
    DateOnly? ShipDate,
    decimal? DiscountPercent,
    SalesOrderAddress? ShippingAddress,
    IReadOnlyList<SalesOrderLine> Lines,
    string? InternalId = null);

/// <summary>
/// A shipping address. <see cref="Country"/> is free text as Salesforce stores it: an English name, an ISO 3166-1
/// alpha-2 or alpha-3 code or a usual alias such as UK.
/// </summary>
public sealed record SalesOrderAddress(
    string? Addressee,
    string? Attention,
    string? Addr1,
    string? Addr2,
    string? City,
    string? State,
    string? Zip,
    string Country);

/// <summary>
/// One order line: the Salesforce OrderItem id (which keys the line on updates), the SKU
/// (<c>Product2.ProductCode</c>), the quantity and the unit price that NetSuite keeps as the line's rate.
/// <see cref="DiscountPercent"/> is the line's own discount (10 = 10 %), <see cref="SequenceName"/> and
/// <see cref="QuoteLineItemId"/> travel to custom line fields.
/// </summary>
public sealed record SalesOrderLine(
    string OrderItemId,
    string Sku,
    decimal Quantity,
    decimal UnitPrice,
    DateOnly? ExpectedShipDate,
    decimal? DiscountPercent = null,
    string? SequenceName = null,
    string? QuoteLineItemId = null);

/// <summary>Outcome of a Sales Order upsert: NetSuite's internal id and document number (<c>tranId</c>).</summary>
public sealed record SalesOrderUpsertResult(string InternalId, string TranId, bool Created);
