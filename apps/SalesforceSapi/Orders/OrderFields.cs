using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.SalesforceSapi.Orders;

/// <summary>The query that reads an Order with its items in one call, and its mapping to the contract.</summary>
internal static class OrderFields
{
    private const string ItemsQuery = "(SELECT Id, Quantity, UnitPrice, Discount__c, Expected_Ship_Date__c, "
        + "Sequence_Name__c, QuoteLineItemId, Product2.ProductCode, PricebookEntry.Product2.ProductCode "
        + "FROM OrderItems ORDER BY Id)";

    /// <summary>SELECT list and FROM of the order query. The caller appends the WHERE clause.</summary>
    public const string SelectFrom = "SELECT Id, AccountId, Account.NetSuite_Id__c, NetSuite_Order_Id__c, "
        + "NetSuite_Order_Number__c, PoNumber, Shipping_Carrier__c, ShippingStreet, ShippingCity, ShippingState, "
        + "ShippingPostalCode, ShippingCountry, EffectiveDate, Status, Sync_Status__c, " + ItemsQuery + " FROM Order";

    public static SalesforceOrder ToOrder(JsonObject row)
    {
        var items = row["OrderItems"]?["records"]?.AsArray() ?? [];
        return new SalesforceOrder(
            Text(row, "Id")!,
            Text(row, "AccountId"),
            row["Account"]?["NetSuite_Id__c"]?.GetValue<string>(),
            Text(row, "NetSuite_Order_Id__c"),
            Text(row, "NetSuite_Order_Number__c"),
            Text(row, "PoNumber"),
            Text(row, "Shipping_Carrier__c"),
            ShippingAddress(row),
            Date(row, "EffectiveDate"),
            Text(row, "Status"),
            Text(row, "Sync_Status__c"),
            items.Select(item => ToItem(item!.AsObject())).ToList());
    }

    // The product comes from the item's Product2 lookup, or from its price book entry when that is empty.
    private static SalesforceOrderItem ToItem(JsonObject item) => new(
        Text(item, "Id")!,
        item["Product2"]?["ProductCode"]?.GetValue<string>()
            ?? item["PricebookEntry"]?["Product2"]?["ProductCode"]?.GetValue<string>(),
        item["Quantity"]?.GetValue<decimal>() ?? 0m,
        item["UnitPrice"]?.GetValue<decimal>() ?? 0m,
        item["Discount__c"]?.GetValue<decimal>(),
        Date(item, "Expected_Ship_Date__c"),
        Text(item, "Sequence_Name__c"),
        Text(item, "QuoteLineItemId"));

    private static PostalAddress? ShippingAddress(JsonObject row)
    {
        var address = new PostalAddress(
            Text(row, "ShippingStreet"),
            Text(row, "ShippingCity"),
            Text(row, "ShippingState"),
            Text(row, "ShippingPostalCode"),
            Text(row, "ShippingCountry"));
        return address is { Street: null, City: null, State: null, PostalCode: null, Country: null } ? null : address;
    }

    private static string? Text(JsonObject row, string field) => row[field]?.GetValue<string>();

    private static DateOnly? Date(JsonObject row, string field) => Text(row, field) is { } text
        ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : null;
}
