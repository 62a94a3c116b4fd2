using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class SoqlQueryTests
{
    [Fact]
    public async Task Query_450Rows_ReturnsThreePages()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        for (var i = 0; i < 450; i++)
        {
            Seed(emulator, "Account", new() { ["Name"] = $"Paged {i:D3}" });
        }

        using var rest = await emulator.CreateRestClientAsync();
        rest.DefaultRequestHeaders.Add("Sforce-Query-Options", "batchSize=200");

        var soql = "SELECT Id, Name FROM Account ORDER BY Name";
        var first = await GetAsync(rest, "query?q=" + Uri.EscapeDataString(soql));
        var nextUrl = first["nextRecordsUrl"]!.GetValue<string>();
        var second = await GetAsync(rest, nextUrl);
        var third = await GetNextAsync(rest, second);

        Assert.Equal(450, first["totalSize"]!.GetValue<int>());
        Assert.False(first["done"]!.GetValue<bool>());
        Assert.Matches(@"^/services/data/v62\.0/query/01g[0-9A-Za-z]{15}-200$", nextUrl);
        Assert.Equal(200, first["records"]!.AsArray().Count);
        Assert.Equal(200, second["records"]!.AsArray().Count);
        Assert.Equal(50, third["records"]!.AsArray().Count);
        Assert.True(third["done"]!.GetValue<bool>());
        Assert.Null(third["nextRecordsUrl"]);
        Assert.Equal("Paged 449", third["records"]![49]!["Name"]!.GetValue<string>());
        Assert.Equal(3, emulator.Usage.Count(ApiEndpoints.Query) + emulator.Usage.Count(ApiEndpoints.QueryMore));
    }

    [Fact]
    public async Task Query_UnknownLocator_Returns400()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.GetAsync("query/01g000000000009AAA-2000", EmulatorHost.Cancel);
        var errors = await response.Content.ReadFromJsonAsync<JsonArray>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_QUERY_LOCATOR", errors![0]!["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_OrderWithItems_NestsParentsAndChildren()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var parent = Seed(emulator, "Account", new() { ["Name"] = "Parent", ["NetSuite_Id__c"] = "77" });
        var account = Seed(emulator, "Account", new() { ["Name"] = "Child", ["ParentId"] = parent });
        var product = Seed(emulator, "Product2", new() { ["Name"] = "Chai", ["ProductCode"] = "CHAI-01" });
        var pricebook = Seed(emulator, "Pricebook2", new() { ["Name"] = "Standard" });
        var entry = Seed(emulator, "PricebookEntry", new()
        {
            ["Pricebook2Id"] = pricebook, ["Product2Id"] = product, ["UnitPrice"] = 18m,
        });
        var order = Seed(emulator, "Order", new() { ["AccountId"] = account, ["Status"] = "Draft" });
        Seed(emulator, "Order", new() { ["AccountId"] = account, ["Status"] = "Draft" });
        Seed(emulator, "OrderItem", new()
        {
            ["OrderId"] = order, ["PricebookEntryId"] = entry, ["Quantity"] = 3m, ["UnitPrice"] = 18m,
        });
        using var rest = await emulator.CreateRestClientAsync();

        var soql = "SELECT Id, Account.Parent.NetSuite_Id__c, Account.Name, "
            + "(SELECT Quantity, PricebookEntry.Product2.ProductCode FROM OrderItems) FROM Order ORDER BY Id";
        var page = await GetAsync(rest, "query?q=" + Uri.EscapeDataString(soql));

        var rows = page["records"]!.AsArray();
        Assert.Equal(2, rows.Count);
        var first = rows[0]!;
        Assert.Equal("Order", first["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal("Child", first["Account"]!["Name"]!.GetValue<string>());
        Assert.Equal("77", first["Account"]!["Parent"]!["NetSuite_Id__c"]!.GetValue<string>());
        Assert.Equal("Account", first["Account"]!["attributes"]!["type"]!.GetValue<string>());
        var items = first["OrderItems"]!;
        Assert.Equal(1, items["totalSize"]!.GetValue<int>());
        Assert.True(items["done"]!.GetValue<bool>());
        var item = items["records"]![0]!;
        Assert.Equal(3m, item["Quantity"]!.GetValue<decimal>());
        Assert.Equal("CHAI-01", item["PricebookEntry"]!["Product2"]!["ProductCode"]!.GetValue<string>());
        Assert.Null(rows[1]!["OrderItems"]);
    }

    [Fact]
    public async Task Query_EmptyLookup_ReturnsNullRelationship()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        Seed(emulator, "Account", new() { ["Name"] = "Orphan" });
        using var rest = await emulator.CreateRestClientAsync();

        var page = await GetAsync(rest, "query?q=" + Uri.EscapeDataString("SELECT Parent.NetSuite_Id__c FROM Account"));

        var row = page["records"]![0]!.AsObject();
        Assert.True(row.ContainsKey("Parent"));
        Assert.Null(row["Parent"]);
    }

    [Theory]
    [InlineData("Name = 'Bob\\'s Burgers'", "Bob's Burgers")]
    [InlineData("Name = 'C:\\\\temp'", "C:\\temp")]
    [InlineData("Name LIKE 'bob%'", "Bob's Burgers")]
    [InlineData("Name LIKE '100\\%'", "100%")]
    [InlineData("Name IN ('x', '100%') AND Credit_Limit__c > 10", "100%")]
    [InlineData("NOT (Name LIKE '%a%' OR Name LIKE '%e%')", "100%")]
    [InlineData("Phone = null AND Name != 'C:\\\\temp' AND Name NOT IN ('100%')", "Bob's Burgers")]
    [InlineData("Credit_Limit__c <= 5 AND Phone != null", "C:\\temp")]
    public async Task Query_WhereClause_SelectsOneAccount(string where, string expectedName)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        Seed(emulator, "Account", new() { ["Name"] = "Bob's Burgers" });
        Seed(emulator, "Account", new() { ["Name"] = "C:\\temp", ["Phone"] = "1", ["Credit_Limit__c"] = 5m });
        Seed(emulator, "Account", new() { ["Name"] = "100%", ["Credit_Limit__c"] = 20m });
        using var rest = await emulator.CreateRestClientAsync();

        var page = await GetAsync(rest, "query?q=" + Uri.EscapeDataString($"SELECT Name FROM Account WHERE {where}"));

        var name = Assert.Single(page["records"]!.AsArray())!["Name"]!.GetValue<string>();
        Assert.Equal(expectedName, name);
    }

    [Fact]
    public async Task Query_OrderByWithOffset_SortsNullsLast()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        Seed(emulator, "Account", new() { ["Name"] = "b", ["Credit_Limit__c"] = 2m });
        Seed(emulator, "Account", new() { ["Name"] = "none" });
        Seed(emulator, "Account", new() { ["Name"] = "c", ["Credit_Limit__c"] = 3m });
        Seed(emulator, "Account", new() { ["Name"] = "a", ["Credit_Limit__c"] = 1m });
        using var rest = await emulator.CreateRestClientAsync();

        var soql = "SELECT Name FROM Account ORDER BY Credit_Limit__c DESC NULLS LAST LIMIT 3 OFFSET 1";
        var page = await GetAsync(rest, "query?q=" + Uri.EscapeDataString(soql));

        var names = page["records"]!.AsArray().Select(row => row!["Name"]!.GetValue<string>()).ToList();
        Assert.Equal(["b", "a", "none"], names);
    }

    [Theory]
    [InlineData("SELECT Foo__c FROM Account", "INVALID_FIELD", "No such column 'Foo__c' on entity 'Account'")]
    [InlineData("SELECT Id FROM Acount", "INVALID_TYPE", "sObject type 'Acount' is not supported.")]
    [InlineData("SELECT Owner.Name FROM Account", "INVALID_FIELD", "Didn't understand relationship 'Owner'")]
    [InlineData("SELECT (SELECT Id FROM Items) FROM Order", "INVALID_TYPE", "Didn't understand relationship 'Items'")]
    [InlineData("SELECT Id FROM Order WHERE EffectiveDate = '2026-01-01'", "INVALID_FIELD",
        "value of filter criterion for field 'EffectiveDate' must be of type date")]
    [InlineData("SELECT Id FROM Account WHERE", "MALFORMED_QUERY", "unexpected token: <EOF>")]
    public async Task Query_Invalid_ReturnsSalesforceError(string soql, string errorCode, string reason)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.GetAsync("query?q=" + Uri.EscapeDataString(soql), EmulatorHost.Cancel);
        var errors = await response.Content.ReadFromJsonAsync<JsonArray>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(errors!)!;
        Assert.Equal(errorCode, error["errorCode"]!.GetValue<string>());
        var message = error["message"]!.GetValue<string>();
        Assert.StartsWith($"\n{soql}\n", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    public static string Seed(EmulatorHost emulator, string sObjectType, Dictionary<string, object?> values)
    {
        var type = SalesforceSchema.Find(sObjectType)!;
        var id = emulator.Records.NewId(type);
        var failures = emulator.Records.Commit(
            [new RecordWrite(type, id, IsCreate: true, values)], new RecordAuthor("005000000000001AAA", false));
        Assert.Empty(failures);
        return id;
    }

    private static async Task<JsonObject> GetAsync(HttpClient rest, string pathOrUrl)
    {
        // nextRecordsUrl is a path from the host root, and the client's base address ends in the version.
        var uri = pathOrUrl.StartsWith('/')
            ? new Uri(rest.BaseAddress!, pathOrUrl)
            : new Uri(pathOrUrl, UriKind.Relative);
        using var response = await rest.GetAsync(uri, EmulatorHost.Cancel);
        var body = await response.Content.ReadAsStringAsync(EmulatorHost.Cancel);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task<JsonObject> GetNextAsync(HttpClient rest, JsonObject page) =>
        GetAsync(rest, page["nextRecordsUrl"]!.GetValue<string>());
}
