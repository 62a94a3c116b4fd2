using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class CompositeTreeTests
{
    [Fact]
    public async Task Tree_TwoHundredRecords_AreAllCreated()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);

        using var response = await rest.PostAsJsonAsync("composite/tree/Account", Accounts(200), EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(body!["hasErrors"]!.GetValue<bool>());
        var results = body["results"]!.AsArray();
        Assert.Equal(200, results.Count);
        Assert.Equal("AccountRef1", results[0]!["referenceId"]!.GetValue<string>());
        var firstId = results[0]!["id"]!.GetValue<string>();
        Assert.Equal("Account 1", emulator.Records.Get("Account", firstId)!["Name"]);
        Assert.Equal(200, emulator.Records.All("Account").Count);
        Assert.Equal(1, emulator.Usage.Count(ApiEndpoints.CompositeTree));
    }

    [Fact]
    public async Task Tree_TwoHundredOneRecords_IsRejectedWhole()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);

        using var response = await rest.PostAsJsonAsync("composite/tree/Account", Accounts(201), EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body!["hasErrors"]!.GetValue<bool>());
        Assert.Equal("LIMIT_EXCEEDED", body["results"]![0]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Account"));
    }

    [Fact]
    public async Task Tree_OneBadRecord_StoresNothing()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var request = Accounts(5);
        request["records"]![3]!["Name"] = null;

        using var response = await rest.PostAsJsonAsync("composite/tree/Account", request, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body!["hasErrors"]!.GetValue<bool>());
        var results = body["results"]!.AsArray();
        Assert.Single(results);
        Assert.Equal("AccountRef4", results[0]!["referenceId"]!.GetValue<string>());
        var error = results[0]!["errors"]![0]!;
        Assert.Equal("REQUIRED_FIELD_MISSING", error["statusCode"]!.GetValue<string>());
        Assert.Equal("Name", error["fields"]![0]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Account"));
    }

    [Fact]
    public async Task Tree_NestedChildren_AreLinkedToParent()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var request = JsonNode.Parse("""
            {"records":[{
              "attributes":{"type":"Account","referenceId":"acme"},
              "Name":"Acme",
              "Orders":{"records":[
                {"attributes":{"type":"Order","referenceId":"order1"},"EffectiveDate":"2026-01-05","Status":"Draft"}
              ]},
              "ChildAccounts":{"records":[
                {"attributes":{"type":"Account","referenceId":"acmeEast"},"Name":"Acme East"}
              ]}
            }]}
            """);

        using var response = await rest.PostAsJsonAsync("composite/tree/Account", request, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ids = body!["results"]!.AsArray()
            .ToDictionary(
                result => result!["referenceId"]!.GetValue<string>(),
                result => result!["id"]!.GetValue<string>());
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids["acme"], emulator.Records.Get("Order", ids["order1"])!["AccountId"]);
        Assert.Equal(ids["acme"], emulator.Records.Get("Account", ids["acmeEast"])!["ParentId"]);
    }

    [Fact]
    public async Task Tree_UnresolvedReference_ReturnsMalformedId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var request = JsonNode.Parse("""
            {"records":[{
              "attributes":{"type":"Order","referenceId":"OrderRef10248"},
              "AccountId":"@AccountRef85","EffectiveDate":"1996-07-04","Status":"Draft"
            }]}
            """);

        using var response = await rest.PostAsJsonAsync("composite/tree/Order", request, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body!["results"]![0]!["errors"]![0]!;
        Assert.Equal("MALFORMED_ID", error["statusCode"]!.GetValue<string>());
        Assert.Equal("AccountId", error["fields"]![0]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Order"));
    }

    [Fact]
    public async Task Tree_MismatchedRecordType_IsRejected()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var request = JsonNode.Parse("""
            {"records":[{"attributes":{"type":"Product2","referenceId":"p1"},"Name":"Chai"}]}
            """);

        using var response = await rest.PostAsJsonAsync("composite/tree/Account", request, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_TYPE", body!["results"]![0]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Account"));
        Assert.Empty(emulator.Records.All("Product2"));
    }

    private static JsonObject Accounts(int count)
    {
        var records = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            records.Add(new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = $"AccountRef{i}" },
                ["Name"] = $"Account {i}",
                ["AccountNumber"] = $"A-{i}",
            });
        }

        return new JsonObject { ["records"] = records };
    }
}
