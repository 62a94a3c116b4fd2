using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.Contracts.NetSuite;

using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Tests.Customers;

public sealed class CustomersApiTests
{
    private const string PutByExternalId = "PUT /services/rest/record/v1/customer/eid:{externalId}";
    private const string PatchById = "PATCH /services/rest/record/v1/customer/{id}";

    [Fact]
    public async Task Upsert_NewExternalId_CreatesMappedCustomer()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var request = Request("001SF0000001") with
        {
            AccountNumber = "ACC-1",
            TermsId = "2",
            CreditLimit = 15000m,
            VatRegNumber = "GB123456789",
            DunsNumber = "150483782",
            ShippingItemId = "103",
            Phone = "+44 20 7946 0000",
        };

        var result = await UpsertAsync(host, request);

        Assert.True(result.Created);
        var stored = Assert.Single(host.Records.Customers);
        Assert.Equal(result.InternalId, stored.Id);
        Assert.Equal("001SF0000001", stored.ExternalId);
        Assert.Equal("001SF0000001", stored.SalesforceAccountId);
        Assert.Equal("Northwind Traders", stored.CompanyName);
        Assert.Equal("ACC-1", stored.AccountNumber);
        Assert.Equal("1", stored.SubsidiaryId);
        Assert.Equal("2", stored.TermsId);
        Assert.Equal(15000m, stored.CreditLimit);
        Assert.Equal("GB123456789", stored.VatRegNumber);
        Assert.Equal("150483782", stored.DunsNumber);
        Assert.Equal("103", stored.ShippingItemId);
        Assert.Equal("+44 20 7946 0000", stored.Phone);
        var line = Assert.Single(stored.Addresses);
        Assert.Equal("GB", line.CountryCode);
        Assert.Equal("1 Market Street", line.Addr1);
        Assert.True(line.DefaultBilling);
        Assert.True(line.DefaultShipping);
        Assert.Equal(1, host.Calls.Get(PutByExternalId));
    }

    [Fact]
    public async Task Upsert_RepeatedExternalId_KeepsOneCustomer()
    {
        await using var host = await NetSuiteTestHost.StartAsync();

        var first = await UpsertAsync(host, Request("001SF0000002"));
        var second = await UpsertAsync(host, Request("001SF0000002") with { CompanyName = "Northwind Traders Ltd" });

        Assert.Equal(first.InternalId, second.InternalId);
        var stored = Assert.Single(host.Records.Customers);
        Assert.Equal("Northwind Traders Ltd", stored.CompanyName);
        Assert.Single(stored.Addresses);
    }

    [Fact]
    public async Task Upsert_InternalId_PatchesById()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var created = await UpsertAsync(host, Request("001SF0000003"));

        var updated = await UpsertAsync(host, Request("001SF0000003") with
        {
            InternalId = created.InternalId,
            CreditLimit = 500m,
        });

        Assert.False(updated.Created);
        Assert.Equal(created.InternalId, updated.InternalId);
        Assert.Equal(500m, host.Records.FindCustomer(created.InternalId)!.CreditLimit);
        Assert.Equal(1, host.Calls.Get(PatchById));
        Assert.Equal(1, host.Calls.Get(PutByExternalId));
    }

    [Fact]
    public async Task Upsert_ChangedAddresses_ReplacesAddressBook()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var created = await UpsertAsync(host, Request("001SF0000004"));
        var moved = Request("001SF0000004") with
        {
            InternalId = created.InternalId,
            Addresses =
            [
                new CustomerAddress("Billing", true, false, null, "2 Dock Road", null, "Leeds", null, "LS1 1AA", "gb"),
                new CustomerAddress("Shipping", false, true, null, "3 Quay Side", null, "Hull", null, "HU1 1AA", "GB"),
            ],
        };

        await UpsertAsync(host, moved);

        var lines = host.Records.FindCustomer(created.InternalId)!.Addresses;
        Assert.Equal(2, lines.Count);
        Assert.Equal("2 Dock Road", lines[0].Addr1);
        Assert.True(lines[0].DefaultBilling);
        Assert.Equal("GB", lines[0].CountryCode);
        Assert.Equal("3 Quay Side", lines[1].Addr1);
        Assert.True(lines[1].DefaultShipping);
    }

    [Fact]
    public async Task Upsert_NullPhone_KeepsStoredPhone()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var created = await UpsertAsync(host, Request("001SF0000005") with { Phone = "0113 496 0000" });

        await UpsertAsync(host, Request("001SF0000005") with { InternalId = created.InternalId, Phone = null });

        // The phone stays only if ns-sapi left the null out, because a JSON null clears it.
        Assert.Equal("0113 496 0000", host.Records.FindCustomer(created.InternalId)!.Phone);
    }

    [Fact]
    public async Task Upsert_ParentInternalId_LinksParent()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var parent = await UpsertAsync(host, Request("001SFPARENT"));

        var child = await UpsertAsync(host, Request("001SFCHILD") with { ParentInternalId = parent.InternalId });

        Assert.Equal(parent.InternalId, host.Records.FindCustomer(child.InternalId)!.ParentId);
    }

    [Fact]
    public async Task Upsert_UnknownTerms_Returns422()
    {
        await using var host = await NetSuiteTestHost.StartAsync();

        var response = await PutAsync(host.SapiClient, Request("001SF0000006") with { TermsId = "99" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("INVALID_KEY_OR_REF", problem.GetProperty("errorCode").GetString());
        Assert.Equal("terms", problem.GetProperty("field").GetString());
        Assert.Contains("99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Records.Customers);
    }

    [Fact]
    public async Task Upsert_UnknownCountry_Returns422()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var request = Request("001SF0000007") with
        {
            Addresses = [new CustomerAddress("HQ", true, true, null, "1 Road", null, "X", null, "1", "ZZ")],
        };

        var response = await PutAsync(host.SapiClient, request);

        var problem = await ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("INVALID_CONTENT", problem.GetProperty("errorCode").GetString());
        Assert.Equal("addressBook.items[0].addressBookAddress.country.id", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Upsert_WrongTokenSecret_Returns502()
    {
        await using var host = await NetSuiteTestHost.StartAsync(
            sapiSettings: new Dictionary<string, string?> { ["NetSuite:TokenSecret"] = "not-the-secret" });

        var response = await PutAsync(host.SapiClient, Request("001SF0000008"));

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("INVALID_LOGIN", problem.GetProperty("errorCode").GetString());
        Assert.Empty(host.Records.Customers);
    }

    [Fact]
    public async Task Upsert_MissingCompanyName_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync();

        var response = await PutAsync(host.SapiClient, Request("001SF0000009") with { CompanyName = " " });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("CompanyName", out _));
        Assert.Equal(0, host.Calls.Total);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Upsert_TransientStatus_Returns503(int status)
    {
        await using var netsuite = await LoopbackApp.StartAsync(
            _ => { },
            app => app.Map("/{**path}", () => Results.StatusCode(status)));
        await using var sapi = await StartSapiAsync(netsuite.BaseAddress.ToString());
        using var client = new HttpClient { BaseAddress = sapi.BaseAddress };

        var response = await PutAsync(client, Request("001SF0000010"));

        await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Upsert_NetSuiteTimeout_Returns503()
    {
        await using var netsuite = await LoopbackApp.StartAsync(
            _ => { },
            app => app.Map("/{**path}", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                return Results.NoContent();
            }));
        await using var sapi = await StartSapiAsync(
            netsuite.BaseAddress.ToString(),
            new Dictionary<string, string?> { ["NetSuite:RequestTimeoutSeconds"] = "1" });
        using var client = new HttpClient { BaseAddress = sapi.BaseAddress };

        var response = await PutAsync(client, Request("001SF0000011"));

        var problem = await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("timed out", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_NetSuiteUnreachable_Returns503()
    {
        var emulator = await NetSuiteTestHost.StartAsync(withSapi: false);
        var closedAddress = emulator.Emulator.BaseAddress.ToString();
        await emulator.DisposeAsync();
        await using var sapi = await StartSapiAsync(closedAddress);
        using var client = new HttpClient { BaseAddress = sapi.BaseAddress };

        var response = await PutAsync(client, Request("001SF0000012"));

        await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("NetSuite:ConsumerKey", "", "NetSuite:ConsumerKey is missing")]
    [InlineData("NetSuite:AccountId", "123 456", "NetSuite:AccountId '123 456' is invalid")]
    [InlineData("NetSuite:RestBaseUrl", "not-a-url", "NetSuite:RestBaseUrl 'not-a-url' is invalid")]
    public async Task Start_InvalidSetting_FailsNamingKey(string key, string value, string expected)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartSapiAsync(
            "http://127.0.0.1:9/",
            new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RestApiBaseAddress_Default_UsesAccountHost()
    {
        var address = NetSuiteRestRegistration.RestApiBaseAddress(new NetSuiteOptions { AccountId = "1234567_SB1" });

        Assert.Equal(new Uri("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/"), address);
    }

    [Theory]
    [InlineData("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1234", "1234")]
    [InlineData("/services/rest/record/v1/customer/77", "77")]
    [InlineData("https://x.suitetalk.api.netsuite.com/services/rest/record/v1/salesOrder/5", null)]
    [InlineData("https://x.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:5", null)]
    public void InternalIdFromLocation_Path_ReturnsId(string location, string? expected)
    {
        Assert.Equal(expected, NetSuiteSapi.Customers.CustomerUpsertService.InternalIdFromLocation(
            new Uri(location, UriKind.RelativeOrAbsolute)));
    }

    private static CustomerUpsertRequest Request(string externalId) => new(
        ExternalId: externalId,
        InternalId: null,
        CompanyName: "Northwind Traders",
        AccountNumber: null,
        SubsidiaryId: "1",
        TermsId: null,
        CreditLimit: null,
        VatRegNumber: null,
        DunsNumber: null,
        ShippingItemId: null,
        ParentInternalId: null,
        Phone: null,
        Addresses:
        [
            new CustomerAddress(
                "Main", true, true, "Accounts", "1 Market Street", null, "London", null, "EC1A 1BB", "GB"),
        ]);

    private static async Task<CustomerUpsertResult> UpsertAsync(NetSuiteTestHost host, CustomerUpsertRequest request)
    {
        var response = await PutAsync(host.SapiClient, request);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"PUT /customers returned {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<CustomerUpsertResult>(text, JsonSerializerOptions.Web)!;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, CustomerUpsertRequest request) =>
        client.PutAsJsonAsync("customers", request, TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(
            response.StatusCode == expected,
            $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.Clone();
    }

    private static Task<LoopbackApp> StartSapiAsync(string restBaseUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = NetSuiteTestHost.SapiSettings(
            restBaseUrl, Path.Combine(Path.GetTempPath(), $"ns-sapi-tests-{Guid.NewGuid():N}.db"));
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return LoopbackApp.StartAsync(
            builder => builder.AddNetSuiteSapi(),
            app => app.MapNetSuiteSapi(),
            settings: settings);
    }
}
