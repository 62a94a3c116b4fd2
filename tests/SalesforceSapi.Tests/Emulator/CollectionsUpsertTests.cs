using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class CollectionsUpsertTests
{
    private const string InvoicePath = "composite/sobjects/Invoice__c/NetSuite_Id__c";

    [Fact]
    public async Task Upsert_MixedBatch_ReturnsResultsInOrder()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = SoqlQueryTests.Seed(
            emulator, "Account", new() { ["Name"] = "Acme", ["NetSuite_Id__c"] = "C1" });
        var existing = SoqlQueryTests.Seed(emulator, "Invoice__c", new() { ["NetSuite_Id__c"] = "INV-1" });
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpsertAsync(rest, InvoicePath, false,
            Invoice("INV-1", total: 10m),
            Invoice("INV-2", total: 20m, accountKey: "C1"),
            Invoice("INV-3", total: 30m, accountKey: "missing"),
            Invoice("INV-4", total: 40m, name: new string('x', 81)));

        Assert.Equal(4, results.Count);
        Assert.True(results[0]!["success"]!.GetValue<bool>());
        Assert.False(results[0]!["created"]!.GetValue<bool>());
        Assert.Equal(existing, results[0]!["id"]!.GetValue<string>());
        Assert.True(results[1]!["created"]!.GetValue<bool>());
        var created = emulator.Records.Get("Invoice__c", results[1]!["id"]!.GetValue<string>())!;
        Assert.Equal(account, created["Account__c"]);
        Assert.Equal(20m, created["Total__c"]);
        Assert.Equal(10m, emulator.Records.Get("Invoice__c", existing)!["Total__c"]);

        var lookupError = results[2]!["errors"]![0]!;
        Assert.False(results[2]!["success"]!.GetValue<bool>());
        Assert.Equal("INVALID_FIELD", lookupError["statusCode"]!.GetValue<string>());
        Assert.Contains("Foreign key external ID: missing not found", lookupError["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Equal("STRING_TOO_LONG", results[3]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        var tooLongFields = results[3]!["errors"]![0]!["fields"]!.AsArray().Select(field => field!.GetValue<string>());
        Assert.Equal(["Name"], tooLongFields);
        Assert.Equal(2, emulator.Records.All("Invoice__c").Count);
    }

    [Fact]
    public async Task Upsert_RepeatedKey_FailsBothWithDuplicateValue()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpsertAsync(rest, InvoicePath, false,
            Invoice("INV-9", total: 1m), Invoice("inv-9", total: 2m), Invoice("INV-10", total: 3m));

        Assert.Equal("DUPLICATE_VALUE", results[0]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Equal("DUPLICATE_VALUE", results[1]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Contains("Duplicate external id specified: INV-9",
            results[0]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(results[2]!["success"]!.GetValue<bool>());
        Assert.Single(emulator.Records.All("Invoice__c"));
    }

    [Fact]
    public async Task Upsert_KeyOnTwoRecords_ReturnsDuplicateExternalId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Acme" });
        foreach (var _ in Enumerable.Range(0, 2))
        {
            SoqlQueryTests.Seed(emulator, "Order", new()
            {
                ["AccountId"] = account, ["Status"] = "Draft", ["NetSuite_Order_Id__c"] = "SO-5",
            });
        }

        using var rest = await emulator.CreateRestClientAsync();
        var order = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Order" },
            ["NetSuite_Order_Id__c"] = "SO-5",
            ["Sync_Status__c"] = "Synced",
        };

        var results = await UpsertAsync(rest, "composite/sobjects/Order/NetSuite_Order_Id__c", false, order);

        var error = results[0]!["errors"]![0]!;
        Assert.Equal("DUPLICATE_EXTERNAL_ID", error["statusCode"]!.GetValue<string>());
        Assert.Contains("more than one record found", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_AllOrNoneWithBadRecord_RollsBackEveryRecord()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpsertAsync(rest, InvoicePath, true,
            Invoice("INV-1", total: 1m), Invoice("INV-2", total: 2m, accountKey: "missing"));

        var rolledBack = results[0]!["errors"]![0]!["statusCode"]!.GetValue<string>();
        Assert.Equal("ALL_OR_NONE_OPERATION_ROLLED_BACK", rolledBack);
        Assert.Equal("INVALID_FIELD", results[1]!["errors"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Invoice__c"));
    }

    [Theory]
    [InlineData(201, InvoicePath, HttpStatusCode.BadRequest, "EXCEEDED_ID_LIMIT")]
    [InlineData(1, "composite/sobjects/Invoice__c/Name", HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task Upsert_InvalidRequest_RejectsWholeRequest(
        int count,
        string path,
        HttpStatusCode expectedStatus,
        string errorCode)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var records = Enumerable.Range(0, count).Select(i => (JsonNode)Invoice($"INV-{i}", total: i)).ToArray();

        using var response = await rest.PatchAsJsonAsync(
            path, new JsonObject { ["records"] = new JsonArray(records) }, EmulatorHost.Cancel);
        var errors = await response.Content.ReadFromJsonAsync<JsonArray>(EmulatorHost.Cancel);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal(errorCode, errors![0]!["errorCode"]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Invoice__c"));
    }

    public static JsonObject Invoice(string key, decimal total, string? accountKey = null, string? name = null)
    {
        var invoice = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Invoice__c" },
            ["NetSuite_Id__c"] = key,
            ["Total__c"] = total,
        };
        if (accountKey is not null)
        {
            invoice["Account__r"] = new JsonObject { ["NetSuite_Id__c"] = accountKey };
        }

        if (name is not null)
        {
            invoice["Name"] = name;
        }

        return invoice;
    }

    private static async Task<JsonArray> UpsertAsync(
        HttpClient rest,
        string path,
        bool allOrNone,
        params JsonObject[] records)
    {
        var body = new JsonObject { ["allOrNone"] = allOrNone, ["records"] = new JsonArray(records) };
        using var response = await rest.PatchAsJsonAsync(path, body, EmulatorHost.Cancel);
        var text = await response.Content.ReadAsStringAsync(EmulatorHost.Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray();
    }
}
