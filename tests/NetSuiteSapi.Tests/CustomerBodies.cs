using System.Text.Json.Nodes;

namespace DaprSync.NetSuiteSapi.Tests;

/// <summary>Customer bodies in the REST record API's JSON, for tests that call the emulator directly.</summary>
internal static class CustomerBodies
{
    public static JsonObject Company(string companyName, string? externalId = null, params JsonObject[] addresses)
    {
        var body = new JsonObject
        {
            ["companyName"] = companyName,
            ["subsidiary"] = new JsonObject { ["id"] = "1" },
            ["terms"] = new JsonObject { ["id"] = "2" },
        };
        if (externalId is not null)
        {
            body["externalId"] = externalId;
        }

        if (addresses.Length > 0)
        {
            body["addressBook"] = new JsonObject { ["items"] = new JsonArray([.. addresses]) };
        }

        return body;
    }

    public static JsonObject Address(string label, string addr1, string country = "GB") => new()
    {
        ["label"] = label,
        ["defaultBilling"] = true,
        ["defaultShipping"] = false,
        ["addressBookAddress"] = new JsonObject
        {
            ["addr1"] = addr1,
            ["city"] = "London",
            ["zip"] = "EC1A 1BB",
            ["country"] = new JsonObject { ["id"] = country },
        },
    };
}
