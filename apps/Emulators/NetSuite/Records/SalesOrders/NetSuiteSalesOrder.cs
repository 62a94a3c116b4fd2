namespace DaprSync.NetSuiteEmulator.Records.SalesOrders;

/// <summary>A stored Sales Order. Dates keep the <c>xsd:dateTime</c> text the client sent, offset included.</summary>
public sealed record NetSuiteSalesOrder
{
    public string Id { get; init; } = "";

    /// <summary>Document number, for example <c>SO1001</c>.</summary>
    public string TranId { get; init; } = "";

    public string? ExternalId { get; init; }

    public string? EntityId { get; init; }

    public string? CurrencyId { get; init; }

    public string? TranDate { get; init; }

    public string? OtherRefNum { get; init; }

    public string? Memo { get; init; }

    public string? DiscountItemId { get; init; }

    public string? DiscountRate { get; init; }

    public SalesOrderShippingAddress? ShippingAddress { get; init; }

    public string? ShipDate { get; init; }

    public string? ShipMethodId { get; init; }

    public string? ClassId { get; init; }

    public string? DepartmentId { get; init; }

    public string? LocationId { get; init; }

    public IReadOnlyList<SalesOrderLineRecord> Lines { get; init; } = [];

    /// <summary>Custom body fields by script id.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset LastModifiedDate { get; init; }
}

/// <summary>The shipping address of a Sales Order; <see cref="Country"/> is the SOAP enum value.</summary>
public sealed record SalesOrderShippingAddress(
    string? Country,
    string? Attention,
    string? Addressee,
    string? Addr1,
    string? Addr2,
    string? City,
    string? State,
    string? Zip);

/// <summary>An item line; <see cref="Line"/> is assigned by the emulator and never reused within an order.</summary>
public sealed record SalesOrderLineRecord
{
    public long Line { get; init; }

    public string ItemId { get; init; } = "";

    public double Quantity { get; init; }

    public string? PriceLevelId { get; init; }

    public string? Rate { get; init; }

    public string? ExpectedShipDate { get; init; }

    public bool IsClosed { get; init; }

    /// <summary>Quantity already fulfilled, set by the billing and fulfilment simulation or a test.</summary>
    public double QuantityFulfilled { get; init; }

    /// <summary>Quantity already invoiced by <c>POST /admin/billing/sales-orders/{id}/invoice</c>.</summary>
    public double QuantityBilled { get; init; }

    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
}
