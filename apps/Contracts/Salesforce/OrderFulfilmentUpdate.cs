namespace DaprSync.Contracts.Salesforce;

/// <summary>
/// The shipping state of an Order, found by its NetSuite Sales Order id (<c>Order.NetSuite_Order_Id__c</c>).
/// <see cref="TrackingNumbers"/> contains every tracking number of the order's fulfilments; the Order keeps them
/// comma separated in <c>Tracking_Numbers__c</c>. <see cref="FulfilmentStatus"/> is <c>Picked</c>,
/// <c>Packed</c>, <c>Shipped</c> or <c>Deleted</c>.
/// </summary>
public sealed record OrderFulfilmentUpdate(
    string OrderNetSuiteId,
    string FulfilmentNetSuiteId,
    DateOnly? ShipDate,
    string? Carrier,
    IReadOnlyList<string> TrackingNumbers,
    string FulfilmentStatus);
