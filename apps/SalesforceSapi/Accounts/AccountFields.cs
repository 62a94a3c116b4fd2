using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.SalesforceSapi.Accounts;

/// <summary>
/// The Account fields that the customer flow reads, and their mapping to <see cref="SalesforceAccount"/>.
/// </summary>
internal static class AccountFields
{
    public const string NetSuiteId = "NetSuite_Id__c";
    public const string SyncStatus = "Sync_Status__c";
    public const string SyncError = "Sync_Error__c";

    /// <summary>Maximum length of <c>Sync_Error__c</c>, a Text(255) field in DaprSync's metadata.</summary>
    public const int SyncErrorMaxLength = 255;

    public static readonly IReadOnlyList<string> Selected =
    [
        "Id", "Name", "AccountNumber", NetSuiteId, "Payment_Terms__c", "Credit_Limit__c", "Tax_Id__c",
        "DUNS_Number__c", "Shipping_Carrier__c", "Phone", "ParentId",
        "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry",
        "ShippingStreet", "ShippingCity", "ShippingState", "ShippingPostalCode", "ShippingCountry",
        "LastModifiedDate",
    ];

    public static SalesforceAccount ToAccount(JsonObject record, string? parentNetSuiteId) => new(
        Text(record, "Id")!,
        Text(record, "Name"),
        Text(record, "AccountNumber"),
        Text(record, NetSuiteId),
        Text(record, "Payment_Terms__c"),
        Number(record, "Credit_Limit__c"),
        Text(record, "Tax_Id__c"),
        Text(record, "DUNS_Number__c"),
        Text(record, "Shipping_Carrier__c"),
        Text(record, "Phone"),
        Text(record, "ParentId"),
        parentNetSuiteId,
        Address(record, "Billing"),
        Address(record, "Shipping"),
        Instant(record, "LastModifiedDate"));

    /// <summary>Returns the address, or null when every part of it is empty.</summary>
    private static PostalAddress? Address(JsonObject record, string prefix)
    {
        var address = new PostalAddress(
            Text(record, prefix + "Street"),
            Text(record, prefix + "City"),
            Text(record, prefix + "State"),
            Text(record, prefix + "PostalCode"),
            Text(record, prefix + "Country"));
        return address is { Street: null, City: null, State: null, PostalCode: null, Country: null } ? null : address;
    }

    private static string? Text(JsonObject record, string field) => record[field]?.GetValue<string>();

    private static decimal? Number(JsonObject record, string field) => record[field]?.GetValue<decimal>();

    private static DateTimeOffset? Instant(JsonObject record, string field)
    {
        var text = Text(record, field);
        return text is null
            ? null
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
