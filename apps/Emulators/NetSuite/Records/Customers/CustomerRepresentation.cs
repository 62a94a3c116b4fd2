using System.Globalization;
using System.Text.Json.Nodes;

namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>
/// Writes a customer as the REST record API returns it: empty fields are left out, references carry
/// <c>id</c> and <c>refName</c>, and the address book is a link unless <c>expandSubResources=true</c>.
/// </summary>
internal static class CustomerRepresentation
{
    public static JsonObject ToJson(NetSuiteCustomer customer, ReferenceData referenceData, string selfUrl, bool expand)
    {
        var json = new JsonObject
        {
            ["links"] = Links(selfUrl),
            ["id"] = customer.Id,
            ["isPerson"] = customer.IsPerson,
            ["dateCreated"] = customer.DateCreated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["lastModifiedDate"] =
                customer.LastModifiedDate.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };

        AddText(json, "externalId", customer.ExternalId);
        AddText(json, "companyName", customer.CompanyName);
        AddText(json, "firstName", customer.FirstName);
        AddText(json, "lastName", customer.LastName);
        AddText(json, "email", customer.Email);
        AddText(json, "accountNumber", customer.AccountNumber);
        AddReference(json, "subsidiary", customer.SubsidiaryId, referenceData.Subsidiaries.GetValueOrDefault);
        AddReference(json, "terms", customer.TermsId, referenceData.Terms.GetValueOrDefault);
        AddReference(json, "shippingItem", customer.ShippingItemId, referenceData.ShippingItems.GetValueOrDefault);
        AddReference(json, "parent", customer.ParentId, _ => null);
        if (customer.CreditLimit is { } creditLimit)
        {
            json["creditLimit"] = creditLimit;
        }

        AddText(json, "vatRegNumber", customer.VatRegNumber);
        AddText(json, "phone", customer.Phone);
        AddText(json, "custentity_dsync_sf_account_id", customer.SalesforceAccountId);
        AddText(json, "custentity_dsync_duns_number", customer.DunsNumber);

        var addressBook = new JsonObject { ["links"] = Links(selfUrl + "/addressBook") };
        if (expand)
        {
            addressBook["items"] = new JsonArray([.. customer.Addresses.Select(AddressToJson)]);
        }

        json["addressBook"] = addressBook;
        return json;
    }

    private static JsonObject AddressToJson(NetSuiteAddress line)
    {
        var address = new JsonObject();
        AddText(address, "addressee", line.Addressee);
        AddText(address, "attention", line.Attention);
        AddText(address, "addr1", line.Addr1);
        AddText(address, "addr2", line.Addr2);
        AddText(address, "addr3", line.Addr3);
        AddText(address, "city", line.City);
        AddText(address, "state", line.State);
        AddText(address, "zip", line.Zip);
        AddText(address, "addrPhone", line.AddrPhone);
        if (line.CountryCode is not null)
        {
            address["country"] = new JsonObject { ["id"] = line.CountryCode };
        }

        var item = new JsonObject
        {
            ["id"] = line.Id,
            ["defaultBilling"] = line.DefaultBilling,
            ["defaultShipping"] = line.DefaultShipping,
            ["addressBookAddress"] = address,
        };
        AddText(item, "label", line.Label);
        return item;
    }

    private static JsonArray Links(string href) => [new JsonObject { ["rel"] = "self", ["href"] = href }];

    private static void AddText(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void AddReference(JsonObject json, string name, string? id, Func<string, string?> refName)
    {
        if (id is null)
        {
            return;
        }

        var reference = new JsonObject { ["id"] = id };
        if (refName(id) is { } text)
        {
            reference["refName"] = text;
        }

        json[name] = reference;
    }
}
