using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.NetSuiteSapi.Tests.Emulator;

public sealed class CustomerRecordTests
{
    [Fact]
    public async Task Post_ValidCompany_Returns204WithLocation()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var body = CustomerBodies.Company("Acme Ltd", "001A");

        var response = await host.SendRecordAsync(HttpMethod.Post, "customer", body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var location = response.Headers.Location;
        Assert.NotNull(location);
        var id = location.Segments[^1];
        Assert.Equal(new Uri(host.Emulator.BaseAddress, "services/rest/record/v1/customer/" + id), location);
        var stored = Assert.Single(host.Records.Customers);
        Assert.Equal(id, stored.Id);
        Assert.Equal("Acme Ltd", stored.CompanyName);
        Assert.Equal("001A", stored.ExternalId);
        Assert.Equal("2", stored.TermsId);
    }

    [Fact]
    public async Task Post_DuplicateExternalId_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        await host.SendRecordAsync(HttpMethod.Post, "customer", CustomerBodies.Company("Acme Ltd", "001A"));

        var duplicate = CustomerBodies.Company("Acme 2", "001a");

        var response = await host.SendRecordAsync(HttpMethod.Post, "customer", duplicate);

        var detail = await AssertBadRequestAsync(response, "USER_ERROR");
        var text = detail.GetProperty("detail").GetString();
        Assert.Contains("This record already exists", text, StringComparison.Ordinal);
        Assert.Equal("externalId", detail.GetProperty("o:errorPath").GetString());
        Assert.Equal("Acme Ltd", Assert.Single(host.Records.Customers).CompanyName);
    }

    [Fact]
    public async Task Put_RepeatedExternalId_KeepsOneCustomer()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var first = await host.SendRecordAsync(HttpMethod.Put, "customer/eid:001B", CustomerBodies.Company("Beta"));
        var second = await host.SendRecordAsync(
            HttpMethod.Put, "customer/eid:001B", CustomerBodies.Company("Beta Ltd"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var stored = Assert.Single(host.Records.Customers);
        Assert.Equal("Beta Ltd", stored.CompanyName);
        Assert.Equal("001B", stored.ExternalId);
    }

    [Fact]
    public async Task Put_ConcurrentSameExternalId_KeepsOneCustomer()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            host.SendRecordAsync(HttpMethod.Put, "customer/eid:RACE", CustomerBodies.Company($"Race {i}"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NoContent, response.StatusCode));
        Assert.Single(responses.Select(response => response.Headers.Location).Distinct());
        Assert.Single(host.Records.Customers);
    }

    [Fact]
    public async Task Put_BodyExternalIdDiffers_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var response = await host.SendRecordAsync(
            HttpMethod.Put, "customer/eid:URL-ID", CustomerBodies.Company("Mismatch", "BODY-ID"));

        var detail = await AssertBadRequestAsync(response, "USER_ERROR");
        Assert.Equal("externalId", detail.GetProperty("o:errorPath").GetString());
        Assert.Empty(host.Records.Customers);
    }

    [Fact]
    public async Task Patch_ChangedFields_UpdatesThoseOnly()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var created = await host.SendRecordAsync(HttpMethod.Post, "customer", CustomerBodies.Company("Gamma", "001C"));
        var id = created.Headers.Location!.Segments[^1];

        var response = await host.SendRecordAsync(HttpMethod.Patch, "customer/" + id,
            new JsonObject { ["creditLimit"] = 2500.5m, ["terms"] = new JsonObject { ["id"] = 3 } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = host.Records.FindCustomer(id)!;
        Assert.Equal(2500.5m, stored.CreditLimit);
        Assert.Equal("3", stored.TermsId);
        Assert.Equal("Gamma", stored.CompanyName);
    }

    [Fact]
    public async Task Patch_UnknownId_Returns404()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var body = new JsonObject { ["phone"] = "1" };

        var response = await host.SendRecordAsync(HttpMethod.Patch, "customer/999999", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = await FirstErrorDetailAsync(response);
        Assert.Equal("NONEXISTENT_ID", detail.GetProperty("o:errorCode").GetString());
    }

    [Fact]
    public async Task Patch_ReplaceAddressBook_ReplacesLines()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var created = await host.SendRecordAsync(HttpMethod.Post, "customer",
            CustomerBodies.Company("Delta", "001D", CustomerBodies.Address("Billing", "1 Old Street")));
        var id = created.Headers.Location!.Segments[^1];
        var update = new JsonObject
        {
            ["addressBook"] = new JsonObject
            {
                ["items"] = new JsonArray(CustomerBodies.Address("Billing", "2 New Street")),
            },
        };

        var response = await host.SendRecordAsync(HttpMethod.Patch, $"customer/{id}?replace=addressBook", update);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var line = Assert.Single(host.Records.FindCustomer(id)!.Addresses);
        Assert.Equal("2 New Street", line.Addr1);
        Assert.Equal("GB", line.CountryCode);
        Assert.True(line.DefaultBilling);
    }

    [Fact]
    public async Task Patch_WithoutReplace_AppendsLines()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var created = await host.SendRecordAsync(HttpMethod.Post, "customer",
            CustomerBodies.Company("Epsilon", "001E", CustomerBodies.Address("Billing", "1 Old Street")));
        var id = created.Headers.Location!.Segments[^1];
        var update = new JsonObject
        {
            ["addressBook"] = new JsonObject
            {
                ["items"] = new JsonArray(CustomerBodies.Address("Billing", "1 Old Street")),
            },
        };

        await host.SendRecordAsync(HttpMethod.Patch, "customer/" + id, update);

        var lines = host.Records.FindCustomer(id)!.Addresses;
        Assert.Equal(2, lines.Count);
        Assert.False(lines[0].DefaultBilling);
        Assert.True(lines[1].DefaultBilling);
    }

    [Fact]
    public async Task Get_ExpandSubResources_ReturnsAddressBook()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        await host.SendRecordAsync(HttpMethod.Post, "customer",
            CustomerBodies.Company("Zeta", "001Z", CustomerBodies.Address("HQ", "9 Main Road", "DE")));

        var response = await host.EmulatorClient.GetAsync(
            "services/rest/record/v1/customer/eid:001Z?expandSubResources=true", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        Assert.Equal("Zeta", root.GetProperty("companyName").GetString());
        Assert.Equal("Net 30", root.GetProperty("terms").GetProperty("refName").GetString());
        var address = root.GetProperty("addressBook").GetProperty("items")[0].GetProperty("addressBookAddress");
        Assert.Equal("DE", address.GetProperty("country").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"companyName":"X","subsidiary":{"id":"1"},"fax2":"1"}""", "NONEXISTENT_FIELD", "fax2")]
    [InlineData("""{"companyName":"X","subsidiary":{"id":"1"},"terms":{"id":"99"}}""", "INVALID_KEY_OR_REF", "terms")]
    [InlineData("""{"companyName":"X","subsidiary":{"id":"7"}}""", "INVALID_KEY_OR_REF", "subsidiary")]
    [InlineData("""{"companyName":"X","subsidiary":{"id":"1"},"parent":{"id":"42"}}""", "INVALID_KEY_OR_REF", "parent")]
    [InlineData("""{"companyName":"X","subsidiary":{"id":"1"},"shippingItem":{"id":"5"}}""", "INVALID_KEY_OR_REF",
        "shippingItem")]
    [InlineData(
        """{"companyName":"X","subsidiary":{"id":"1"},"creditLimit":"lots"}""", "INVALID_CONTENT", "creditLimit")]
    [InlineData("""{"subsidiary":{"id":"1"}}""", "USER_ERROR", "companyName")]
    [InlineData("""{"companyName":"X"}""", "USER_ERROR", "subsidiary")]
    [InlineData(
        """{"companyName":"X","subsidiary":{"id":"1"},"addressBook":{"items":[{"addressBookAddress":{"country":{"id":"ZZ"}}}]}}""",
        "INVALID_CONTENT",
        "addressBook.items[0].addressBookAddress.country.id")]
    [InlineData(
        """{"companyName":"X","subsidiary":{"id":"1"},"addressBook":{"items":[{"addressBookAddress":{"country":"GB"}}]}}""",
        "INVALID_CONTENT",
        "addressBook.items[0].addressBookAddress.country")]
    public async Task Post_InvalidBody_Returns400(string json, string errorCode, string errorPath)
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var response = await host.SendRecordAsync(HttpMethod.Post, "customer", JsonNode.Parse(json));

        var detail = await AssertBadRequestAsync(response, errorCode);
        Assert.Equal(errorPath, detail.GetProperty("o:errorPath").GetString());
        Assert.Empty(host.Records.Customers);
    }

    [Fact]
    public async Task Calls_SeveralRequests_CountedPerEndpoint()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        await host.SendRecordAsync(HttpMethod.Put, "customer/eid:C1", CustomerBodies.Company("One"));
        await host.SendRecordAsync(HttpMethod.Put, "customer/eid:C2", CustomerBodies.Company("Two"));
        await host.SendRecordAsync(HttpMethod.Post, "customer", CustomerBodies.Company("Three"));
        await host.EmulatorClient.GetAsync("services/rest/record/v1/customer/1", TestContext.Current.CancellationToken);

        Assert.Equal(2, host.Calls.Get("PUT /services/rest/record/v1/customer/eid:{externalId}"));
        Assert.Equal(1, host.Calls.Get("POST /services/rest/record/v1/customer"));
        Assert.Equal(1, host.Calls.Get("GET /services/rest/record/v1/customer/{id}"));
        Assert.Equal(0, host.Calls.Get("PATCH /services/rest/record/v1/customer/{id}"));
        Assert.Equal(4, host.Calls.Total);
    }

    private static async Task<JsonElement> AssertBadRequestAsync(HttpResponseMessage response, string errorCode)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await FirstErrorDetailAsync(response);
        Assert.Equal(errorCode, detail.GetProperty("o:errorCode").GetString());
        return detail;
    }

    private static async Task<JsonElement> FirstErrorDetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        Assert.Equal((int)response.StatusCode, body.RootElement.GetProperty("status").GetInt32());
        return body.RootElement.GetProperty("o:errorDetails")[0].Clone();
    }
}
