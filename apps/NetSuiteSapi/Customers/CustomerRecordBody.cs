using System.Text.Json.Serialization;

namespace DaprSync.NetSuiteSapi.Customers;

/// <summary>A reference to another record by internal id, <c>{"id": "2"}</c>. A country reference uses its ISO code as
/// id.</summary>
public sealed record RecordRef([property: JsonPropertyName("id")] string Id);

/// <summary>
/// The customer body sent to the REST record API. Null properties are left out of the JSON, so an unset value
/// never clears a field in NetSuite.
/// </summary>
public sealed record CustomerRecordBody
{
    [JsonPropertyName("externalId")]
    public string? ExternalId { get; init; }

    [JsonPropertyName("companyName")]
    public string? CompanyName { get; init; }

    [JsonPropertyName("accountNumber")]
    public string? AccountNumber { get; init; }

    [JsonPropertyName("subsidiary")]
    public RecordRef? Subsidiary { get; init; }

    [JsonPropertyName("terms")]
    public RecordRef? Terms { get; init; }

    [JsonPropertyName("creditLimit")]
    public decimal? CreditLimit { get; init; }

    [JsonPropertyName("vatRegNumber")]
    public string? VatRegNumber { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("parent")]
    public RecordRef? Parent { get; init; }

    [JsonPropertyName("shippingItem")]
    public RecordRef? ShippingItem { get; init; }

    /// <summary>The Salesforce Account id, the customer's side of the mutual reference.</summary>
    [JsonPropertyName("custentity_dsync_sf_account_id")]
    public string? SalesforceAccountId { get; init; }

    [JsonPropertyName("custentity_dsync_duns_number")]
    public string? DunsNumber { get; init; }

    [JsonPropertyName("addressBook")]
    public AddressBookSublist? AddressBook { get; init; }
}

/// <summary>The <c>addressBook</c> sublist, which is the complete list when sent with
/// <c>?replace=addressBook</c>.</summary>
public sealed record AddressBookSublist([property: JsonPropertyName("items")] IReadOnlyList<AddressBookLine> Items);

public sealed record AddressBookLine(
    [property: JsonPropertyName("defaultBilling")] bool DefaultBilling,
    [property: JsonPropertyName("defaultShipping")] bool DefaultShipping,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("addressBookAddress")] AddressBookAddress AddressBookAddress);

public sealed record AddressBookAddress(
    [property: JsonPropertyName("addressee")] string? Addressee,
    [property: JsonPropertyName("addr1")] string? Addr1,
    [property: JsonPropertyName("addr2")] string? Addr2,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("zip")] string? Zip,
    [property: JsonPropertyName("country")] RecordRef Country);
