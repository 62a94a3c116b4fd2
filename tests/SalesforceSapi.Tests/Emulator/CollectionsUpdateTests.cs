using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class CollectionsUpdateTests
{
    private const string UpdatePath = "composite/sobjects";

    [Fact]
    public async Task Update_MixedBatch_ReturnsSaveResultsInOrder()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Acme" });
        var other = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Globex" });
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpdateAsync(rest, allOrNone: false,
            Record("Account", account, ("Name", "Acme Corporation")),
            Record("Account", "001000000000099AAA", ("Name", "Nobody")),
            Record("Account", "not-an-id", ("Name", "Nobody")),
            Record("Account", other, ("Name", new string('n', 256))),
            new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" }, ["Name"] = "No id" });

        Assert.Equal(5, results.Count);
        Assert.True(results[0]!["success"]!.GetValue<bool>());
        Assert.Equal(account, results[0]!["id"]!.GetValue<string>());
        Assert.Equal("Acme Corporation", emulator.Records.Get("Account", account)!["Name"]);
        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", ErrorCode(results[1]!));
        Assert.Equal("MALFORMED_ID", ErrorCode(results[2]!));
        Assert.Equal("STRING_TOO_LONG", ErrorCode(results[3]!));
        Assert.Equal("Globex", emulator.Records.Get("Account", other)!["Name"]);
        Assert.Equal("MISSING_ARGUMENT", ErrorCode(results[4]!));
        Assert.All(results.Skip(1), result => Assert.False(result!["success"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Update_AllOrNoneWithBadRecord_RollsBackAll()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Acme" });
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpdateAsync(rest, allOrNone: true,
            Record("Account", account, ("Name", "Acme Corporation")),
            Record("Account", "001000000000099AAA", ("Name", "Nobody")));

        Assert.Equal("ALL_OR_NONE_OPERATION_ROLLED_BACK", ErrorCode(results[0]!));
        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", ErrorCode(results[1]!));
        Assert.Equal("Acme", emulator.Records.Get("Account", account)!["Name"]);
    }

    [Fact]
    public async Task Update_RestrictedFulfilmentStatus_RejectsUnknownValue()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var account = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Acme" });
        var order = SoqlQueryTests.Seed(emulator, "Order", new()
        {
            ["AccountId"] = account,
            ["EffectiveDate"] = new DateOnly(2026, 11, 2),
            ["Status"] = "Activated",
        });
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpdateAsync(rest, allOrNone: false,
            Record("Order", order, ("Fulfilment_Status__c", "Lost")),
            Record("Order", order, ("Fulfilment_Status__c", "Shipped"), ("Ship_Date__c", "2026-12-01")));

        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ErrorCode(results[0]!));
        Assert.True(results[1]!["success"]!.GetValue<bool>());
        var stored = emulator.Records.Get("Order", order)!;
        Assert.Equal("Shipped", stored["Fulfilment_Status__c"]);
        Assert.Equal(new DateOnly(2026, 12, 1), stored["Ship_Date__c"]);
    }

    [Theory]
    [InlineData("Invoice__c", "Voided")]
    [InlineData("Invoice__c", "Deleted")]
    [InlineData("Refund__c", "Voided")]
    [InlineData("Refund__c", "Deleted")]
    public async Task Update_TransactionStatus_AcceptsVoidedAndDeleted(string sObjectType, string status)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var record = SoqlQueryTests.Seed(emulator, sObjectType, new() { ["NetSuite_Id__c"] = "T-1" });
        using var rest = await emulator.CreateRestClientAsync();

        var results = await UpdateAsync(rest, allOrNone: false, Record(sObjectType, record, ("Status__c", status)));

        Assert.True(results[0]!["success"]!.GetValue<bool>(), results[0]!.ToJsonString());
        Assert.Equal(status, emulator.Records.Get(sObjectType, record)!["Status__c"]);
    }

    [Fact]
    public async Task Update_201Records_Returns400()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var records = Enumerable.Range(0, 201)
            .Select(_ => (JsonNode)Record("Account", "001000000000099AAA", ("Name", "x")))
            .ToArray();

        using var response = await rest.PatchAsJsonAsync(
            UpdatePath, new JsonObject { ["records"] = new JsonArray(records) }, EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.Content.ReadFromJsonAsync<JsonArray>(EmulatorHost.Cancel);
        Assert.Equal("EXCEEDED_ID_LIMIT", errors![0]!["errorCode"]!.GetValue<string>());
    }

    private static JsonObject Record(string sObjectType, string id, params (string Field, string Value)[] fields)
    {
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = sObjectType },
            ["id"] = id,
        };
        foreach (var (field, value) in fields)
        {
            record[field] = value;
        }

        return record;
    }

    private static string ErrorCode(JsonNode result) => result["errors"]![0]!["statusCode"]!.GetValue<string>();

    private static async Task<JsonArray> UpdateAsync(HttpClient rest, bool allOrNone, params JsonObject[] records)
    {
        var body = new JsonObject { ["allOrNone"] = allOrNone, ["records"] = new JsonArray(records) };
        using var response = await rest.PatchAsJsonAsync(UpdatePath, body, EmulatorHost.Cancel);
        var text = await response.Content.ReadAsStringAsync(EmulatorHost.Cancel);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsArray();
    }
}
