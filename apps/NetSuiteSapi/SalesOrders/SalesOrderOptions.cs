namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Settings of the <c>NetSuite:SalesOrders</c> section: NetSuite internal ids that every Sales Order gets. An empty
/// value leaves the field out, so NetSuite applies the customer's or form's default.
/// </summary>
public sealed class SalesOrderOptions
{
    public const string SectionName = "NetSuite:SalesOrders";

    public string? CurrencyId { get; set; }

    public string? LocationId { get; set; }

    public string? DepartmentId { get; set; }

    public string? ClassId { get; set; }

    /// <summary>Discount item that carries an order's <c>DiscountPercent</c>; required for orders with a discount.</summary>
    public string? DiscountItemId { get; set; }
}
