using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

public static partial class BuiltInSeed
{
    /// <summary>The catalogue and the day's orders: three products in a price book and one order per customer.</summary>
    private static IReadOnlyList<TreePlanStep> OrderSteps() =>
    [
        new("Product2", SaveRefs: true, ResolveRefs: false, [Products()]),
        new("Pricebook2", SaveRefs: true, ResolveRefs: false,
        [
            [new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Pricebook2", ["referenceId"] = "Seed-Pricebook" },
                ["Name"] = "Standard Price Book",
                ["IsActive"] = true,
            }],
        ]),
        new("PricebookEntry", SaveRefs: true, ResolveRefs: true, [PricebookEntries()]),
        new("Order", SaveRefs: true, ResolveRefs: true, [Orders()]),
        new("OrderItem", SaveRefs: false, ResolveRefs: true, [OrderItems()]),
    ];

    private static readonly (string Reference, string Sku, string Name, decimal Price)[] Catalogue =
    [
        ("Seed-Chai", "NW-CHAI", "Chai, 10 boxes x 20 bags", 18m),
        ("Seed-Syrup", "NW-SYRUP", "Aniseed Syrup, 12 x 550 ml", 10m),
        ("Seed-Cheese", "NW-CHEESE", "Queso Cabrales, 1 kg", 21m),
    ];

    // Customers that order today, with the carrier on the order; the other seeded accounts order nothing.
    private static readonly (string Account, string? Carrier)[] OrderingCustomers =
    [
        ("Seed-Harbour", "FedEx"),
        ("Seed-Bistro", null),
        ("Seed-Alpen", "DHL"),
        ("Seed-Lakes", "UPS"),
        ("Seed-Tokyo", "FedEx"),
        ("Seed-Nord", null),
    ];

    private static JsonArray Products() => [.. Catalogue.Select(product => (JsonNode)new JsonObject
    {
        ["attributes"] = new JsonObject { ["type"] = "Product2", ["referenceId"] = product.Reference },
        ["Name"] = product.Name,
        ["ProductCode"] = product.Sku,
        ["IsActive"] = true,
    })];

    private static JsonArray PricebookEntries() => [.. Catalogue.Select(product => (JsonNode)new JsonObject
    {
        ["attributes"] = new JsonObject { ["type"] = "PricebookEntry", ["referenceId"] = $"{product.Reference}-Price" },
        ["Pricebook2Id"] = "@Seed-Pricebook",
        ["Product2Id"] = $"@{product.Reference}",
        ["UnitPrice"] = product.Price,
        ["IsActive"] = true,
    })];

    private static JsonArray Orders() => [.. OrderingCustomers.Select((customer, index) =>
    {
        var order = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Order", ["referenceId"] = $"Order-{customer.Account}" },
            ["AccountId"] = $"@{customer.Account}",
            ["Pricebook2Id"] = "@Seed-Pricebook",
            ["EffectiveDate"] = "2026-01-05",
            ["Status"] = "Draft",
            ["PoNumber"] = $"PO-{1000 + index}",
            ["ShippingStreet"] = $"Dock {index + 1}",
            ["ShippingCity"] = "Springfield",
            ["ShippingPostalCode"] = "10002",
            ["ShippingCountry"] = index % 2 == 0 ? "United Kingdom" : "FR",
        };
        Add(order, "Shipping_Carrier__c", customer.Carrier);
        return (JsonNode)order;
    })];

    // Two lines per order; every third line has a discount, so both the discounted and the plain line map.
    private static JsonArray OrderItems() => [.. OrderingCustomers.SelectMany((customer, index) =>
        new[] { Catalogue[index % 3], Catalogue[(index + 1) % 3] }.Select((product, line) =>
        {
            var item = new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "OrderItem", ["referenceId"] = $"Item-{index}-{line}" },
                ["OrderId"] = $"@Order-{customer.Account}",
                ["PricebookEntryId"] = $"@{product.Reference}-Price",
                ["Product2Id"] = $"@{product.Reference}",
                ["Quantity"] = 6 * (line + 1),
                ["UnitPrice"] = product.Price,
                ["Expected_Ship_Date__c"] = line == 0 ? "2026-01-12" : "2026-01-19",
            };
            Add(item, "Discount__c", (index + line) % 3 == 0 ? 5m : null);
            return (JsonNode)item;
        }))];
}
