using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class SObjectTests
{
    [Fact]
    public async Task Create_Account_Returns201AndStoresRecord()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Account", new { Name = "Alfreds Futterkiste", Credit_Limit__c = 5000.50m }, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body!["id"]!.GetValue<string>();
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Empty(body["errors"]!.AsArray());
        Assert.Equal(18, id.Length);
        Assert.StartsWith("001", id, StringComparison.Ordinal);

        var stored = emulator.Records.Get("Account", id);
        Assert.NotNull(stored);
        Assert.Equal("Alfreds Futterkiste", stored["Name"]);
        Assert.Equal(5000.50m, stored["Credit_Limit__c"]);
        Assert.Equal(emulator.Sessions.UserIdOf("integration@daprsync.example"), stored["CreatedById"]);
        Assert.IsType<DateTimeOffset>(stored["CreatedDate"]);
        Assert.Equal(stored["CreatedDate"], stored["SystemModstamp"]);
    }

    [Fact]
    public async Task Create_ConcurrentRequests_GetDistinctIds()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        var creates = Enumerable.Range(1, 50)
            .Select(i => EmulatorHost.CreateAsync(rest, "Account", new { Name = $"A{i}" }));
        var ids = await Task.WhenAll(creates);

        Assert.Equal(50, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(50, emulator.Records.All("Account").Count);
    }

    [Fact]
    public async Task Get_ExistingRecord_ReturnsAttributesAndFields()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Ernst Handel", BillingCity = "Graz" });

        var all = await rest.GetFromJsonAsync<JsonObject>($"sobjects/Account/{id}", EmulatorHost.Cancel);
        var some = await rest.GetFromJsonAsync<JsonObject>(
            $"sobjects/Account/{id}?fields=name,BillingCity", EmulatorHost.Cancel);

        Assert.Equal("Account", all!["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal(id, all["Id"]!.GetValue<string>());
        Assert.Equal("Graz", all["BillingCity"]!.GetValue<string>());
        Assert.True(all.ContainsKey("NetSuite_Id__c"));
        Assert.Null(all["NetSuite_Id__c"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$", all["CreatedDate"]!.GetValue<string>());
        Assert.Equal("Ernst Handel", some!["Name"]!.GetValue<string>());
        Assert.False(some.ContainsKey("Phone"));
    }

    [Fact]
    public async Task Update_ExistingRecord_Returns204AndStoresChange()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Old name", Phone = "030-1" });
        using var integration = await emulator.CreateRestClientAsync();

        using var response = await integration.PatchAsJsonAsync(
            $"sobjects/Account/{id}", new { Name = "New name", Phone = (string?)null }, EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = emulator.Records.Get("Account", id)!;
        Assert.Equal("New name", stored["Name"]);
        Assert.Null(stored["Phone"]);
        Assert.Equal(emulator.Sessions.UserIdOf("loader@daprsync.example"), stored["CreatedById"]);
        Assert.Equal(emulator.Sessions.UserIdOf("integration@daprsync.example"), stored["LastModifiedById"]);
    }

    [Fact]
    public async Task Create_UnknownField_ReturnsInvalidField()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        var fields = new Dictionary<string, string> { ["Name"] = "A", ["Color__c"] = "red" };

        using var response = await rest.PostAsJsonAsync("sobjects/Account", fields, EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_FIELD", error["errorCode"]!.GetValue<string>());
        Assert.Equal("No such column 'Color__c' on sobject of type Account", error["message"]!.GetValue<string>());
        Assert.Empty(error["fields"]!.AsArray());
        Assert.Empty(emulator.Records.All("Account"));
    }

    [Fact]
    public async Task Create_WrongValueType_ReturnsJsonParserError()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Account", new { Name = "A", Credit_Limit__c = "lots" }, EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("JSON_PARSER_ERROR", error["errorCode"]!.GetValue<string>());
        Assert.StartsWith(
            "Cannot deserialize instance of currency from VALUE_STRING value lots",
            error["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingRequiredFields_ReturnsRequiredFieldMissing()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var accountId = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "A" });

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Order", new { AccountId = accountId }, EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("REQUIRED_FIELD_MISSING", error["errorCode"]!.GetValue<string>());
        Assert.Equal("Required fields are missing: [EffectiveDate, Status]", error["message"]!.GetValue<string>());
        var fields = error["fields"]!.AsArray().Select(field => field!.GetValue<string>());
        Assert.Equal(["EffectiveDate", "Status"], fields);
    }

    [Fact]
    public async Task Create_TextTooLong_ReturnsStringTooLong()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Account", new { Name = "A", Sync_Error__c = new string('x', 256) }, EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal("STRING_TOO_LONG", error["errorCode"]!.GetValue<string>());
        Assert.Equal("Sync_Error__c", error["fields"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_LowercaseFieldNames_StoresCanonicalNames()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        var id = await EmulatorHost.CreateAsync(rest, "account", new Dictionary<string, object>
        {
            ["name"] = "Lower",
            ["BILLINGCITY"] = "Lyon",
            ["netsuite_id__c"] = "NS-1",
        });

        var stored = emulator.Records.Get("Account", id)!;
        Assert.Equal("Account", stored.SObjectType);
        Assert.Contains("Name", stored.Fields.Keys);
        Assert.Contains("BillingCity", stored.Fields.Keys);
        Assert.Contains("NetSuite_Id__c", stored.Fields.Keys);
        Assert.DoesNotContain("name", stored.Fields.Keys);
        Assert.Equal("Lyon", stored["BillingCity"]);
        Assert.Equal("NS-1", stored.GetString("NetSuite_Id__c"));
    }

    [Fact]
    public async Task Get_ShortOrLongId_ReturnsSameRecord()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var id18 = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Ids" });
        var id15 = id18[..15];

        var by15 = await rest.GetFromJsonAsync<JsonObject>($"sobjects/Account/{id15}", EmulatorHost.Cancel);
        var byUpper18 = await rest.GetFromJsonAsync<JsonObject>(
            $"sobjects/Account/{id15}{id18[15..].ToLowerInvariant()}", EmulatorHost.Cancel);

        Assert.Equal(id18, by15!["Id"]!.GetValue<string>());
        Assert.Equal(id18, byUpper18!["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_FifteenCharacterReference_StoresEighteenCharacterId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var parentId = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Parent" });

        var childId = await EmulatorHost.CreateAsync(
            rest, "Account", new { Name = "Child", ParentId = parentId[..15] });

        Assert.Equal(parentId, emulator.Records.Get("Account", childId)!["ParentId"]);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNotFound()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.GetAsync(
            new Uri("sobjects/Account/001Dk0000000999", UriKind.Relative), EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", error["errorCode"]!.GetValue<string>());
        Assert.Equal("The requested resource does not exist", error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("@AccountRef1", "MALFORMED_ID")]
    [InlineData("01tDk0000000001", "FIELD_INTEGRITY_EXCEPTION")]
    [InlineData("001Dk0000000999", "INVALID_CROSS_REFERENCE_KEY")]
    public async Task Create_BadReference_IsRejected(string accountId, string expectedErrorCode)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Order",
            new { AccountId = accountId, EffectiveDate = "2026-01-05", Status = "Draft" },
            EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedErrorCode, error["errorCode"]!.GetValue<string>());
        Assert.Equal("AccountId", error["fields"]![0]!.GetValue<string>());
        Assert.Empty(emulator.Records.All("Order"));
    }

    [Fact]
    public async Task Create_DuplicateExternalId_ReturnsDuplicateValue()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var firstId = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "First", NetSuite_Id__c = "42" });

        using var response = await rest.PostAsJsonAsync(
            "sobjects/Account", new { Name = "Second", NetSuite_Id__c = "42" }, EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal("DUPLICATE_VALUE", error["errorCode"]!.GetValue<string>());
        Assert.Contains(firstId, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(emulator.Records.All("Account"));
    }

    [Fact]
    public async Task Update_ReadOnlyField_IsRejected()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "A" });

        using var response = await rest.PatchAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative),
            new StringContent("{\"CreatedDate\":\"2020-01-01T00:00:00Z\"}", Encoding.UTF8, "application/json"),
            EmulatorHost.Cancel);
        var error = await SingleErrorAsync(response);

        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", error["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_OrderStatus_IsRestrictedPicklist()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var accountId = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "A" });

        var orderId = await EmulatorHost.CreateAsync(
            rest, "Order", new { AccountId = accountId, EffectiveDate = "1996-07-04", Status = "Draft" });
        using var badStatus = await rest.PostAsJsonAsync(
            "sobjects/Order",
            new { AccountId = accountId, EffectiveDate = "1996-07-04", Status = "Shipped" },
            EmulatorHost.Cancel);
        var error = await SingleErrorAsync(badStatus);

        Assert.StartsWith("801", orderId, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(1996, 7, 4), emulator.Records.Get("Order", orderId)!["EffectiveDate"]);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", error["errorCode"]!.GetValue<string>());
    }

    private static async Task<JsonObject> SingleErrorAsync(HttpResponseMessage response)
    {
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync(EmulatorHost.Cancel))!.AsArray();
        Assert.Single(errors);
        return errors[0]!.AsObject();
    }
}
