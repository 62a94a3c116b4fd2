namespace DaprSync.Contracts.Salesforce;

/// <summary>
/// One OrderItem as the order flow reads it. <see cref="Sku"/> is the product's <c>ProductCode</c>, which is
/// the NetSuite item's <c>itemid</c>. <see cref="DiscountPercent"/> is <c>Discount__c</c>, a percent (10 = 10 %).
/// </summary>
public sealed record SalesforceOrderItem(
    string Id,
    string? Sku,
    decimal Quantity,
    decimal UnitPrice,
    decimal? DiscountPercent,
    DateOnly? ExpectedShipDate,
    string? SequenceName,
    string? QuoteLineItemId);

/// <summary>An Order with its items and the NetSuite ids of its Account and of itself, read in one query.</summary>
public sealed record SalesforceOrder(
    string Id,
    string? AccountId,
    string? AccountNetSuiteId,
    string? NetSuiteOrderId,
    string? NetSuiteOrderNumber,
    string? PoNumber,
    string? ShippingCarrier,
    PostalAddress? ShippingAddress,
    DateOnly? EffectiveDate,
    string? Status,
    string? SyncStatus,
    IReadOnlyList<SalesforceOrderItem> Items);

/// <summary>
/// Writeback of a sync outcome to an Order. A null NetSuite id or number leaves the field unchanged, and a
/// null <see cref="SyncError"/> clears <c>Sync_Error__c</c>.
/// </summary>
public sealed record OrderSyncUpdate(
    string? NetSuiteOrderId,
    string? NetSuiteOrderNumber,
    string SyncStatus,
    string? SyncError);

/// <summary>
/// Writeback of a sync outcome to a <c>Payment__c</c>. A null <see cref="NetSuitePaymentId"/> leaves
/// <c>NetSuite_Payment_Id__c</c> unchanged, and a null <see cref="SyncError"/> clears <c>Sync_Error__c</c>.
/// </summary>
public sealed record PaymentSyncUpdate(
    string? NetSuitePaymentId,
    string SyncStatus,
    string? SyncError);
