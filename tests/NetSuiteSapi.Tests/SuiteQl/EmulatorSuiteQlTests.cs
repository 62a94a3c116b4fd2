using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteSapi.Auth;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

public sealed class EmulatorSuiteQlTests
{
    [Fact]
    public async Task Query_LimitAbove1000_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await QueryAsync(host, "SELECT id FROM item", "?limit=1001&offset=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_PARAMETER", ErrorCode(await ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Query_OffsetNotMultipleOfLimit_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await QueryAsync(host, "SELECT id FROM item", "?limit=10&offset=5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_PARAMETER", ErrorCode(await ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Query_PastRow100000_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await QueryAsync(host, "SELECT id FROM item", "?limit=1000&offset=100000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Query_WithoutPreferTransient_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await QueryAsync(host, "SELECT id FROM item", transient: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Query_UnknownColumn_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await QueryAsync(host, "SELECT id, colour FROM item");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Contains("colour", body.GetProperty("o:errorDetails")[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Query_25Rows_PagesWithHasMore()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var catalog = host.Emulator.Services.GetRequiredService<ItemCatalog>();
        for (var i = 0; i < 25; i++)
        {
            catalog.Add($"SKU-{i:D2}");
        }

        var seen = new List<string>();
        var pages = new List<(int Count, bool HasMore, int Total)>();
        foreach (var offset in new[] { 0, 10, 20 })
        {
            using var response = await QueryAsync(host, "SELECT id, itemid FROM item ORDER BY itemid",
                $"?limit=10&offset={offset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await ReadJsonAsync(response);
            pages.Add((body.GetProperty("count").GetInt32(), body.GetProperty("hasMore").GetBoolean(),
                body.GetProperty("totalResults").GetInt32()));
            Assert.Equal(offset, body.GetProperty("offset").GetInt32());
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemid").GetString()!));
        }

        Assert.Equal([(10, true, 25), (10, true, 25), (5, false, 25)], pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"SKU-{i:D2}"), seen);
    }

    [Fact]
    public async Task Query_WhereInOrderByDesc_FiltersAndSorts()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var catalog = host.Emulator.Services.GetRequiredService<ItemCatalog>();
        foreach (var sku in new[] { "A-1", "B-2", "C-3", "D'4" })
        {
            catalog.Add(sku);
        }

        using var response = await QueryAsync(host,
            "SELECT id, itemid FROM item WHERE itemid IN ('A-1', 'D''4', 'Z-9') OR (itemid = 'C-3' AND id > 0) "
            + "ORDER BY itemid DESC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("itemid").GetString()).ToList();
        Assert.Equal(["D'4", "C-3", "A-1"], items);
    }

    [Fact]
    public async Task Query_ToTimestampBounds_SelectsWindow()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var customer = await CreateCustomerAsync(host, "Window Ltd");
        var invoices = Billing(host).BillInvoices(3, customer, 10m);
        var stamp = invoices[0].LastModifiedDate.UtcDateTime;

        using var inside = await QueryAsync(host,
            "SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS lastmodified FROM transaction "
            + $"WHERE type = 'CustInvc' AND lastmodifieddate >= TO_TIMESTAMP('{stamp:yyyy-MM-dd HH:mm:ss}', "
            + "'YYYY-MM-DD HH24:MI:SS')");
        using var after = await QueryAsync(host,
            "SELECT id FROM transaction WHERE lastmodifieddate > "
            + $"TO_TIMESTAMP('{stamp:yyyy-MM-dd HH:mm:ss}', 'YYYY-MM-DD HH24:MI:SS')");

        var insideBody = await ReadJsonAsync(inside);
        Assert.Equal(3, insideBody.GetProperty("totalResults").GetInt32());
        Assert.Equal($"{stamp:yyyy-MM-dd HH:mm:ss}",
            insideBody.GetProperty("items")[0].GetProperty("lastmodified").GetString());
        Assert.Equal(0, (await ReadJsonAsync(after)).GetProperty("totalResults").GetInt32());
    }

    [Theory]
    [InlineData("?limit=10&offset=0", "?limit=10&offset=0", HttpStatusCode.OK)]
    [InlineData("?limit=10&offset=0", "?limit=20&offset=0", HttpStatusCode.Unauthorized)]
    [InlineData("?limit=10&offset=0", "?limit=10&offset=10", HttpStatusCode.Unauthorized)]
    public async Task Query_SignedParameters_VerifiedByEmulator(string signed, string sent, HttpStatusCode expected)
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var path = "services/rest/query/v1/suiteql";
        var signer = new TbaSigner(NetSuiteTestHost.Credentials);
        var header = signer.CreateAuthorizationHeader(
            HttpMethod.Post,
            new Uri(host.Emulator.BaseAddress, path + signed),
            TbaHandler.CreateNonce(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var http = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path + sent)
        {
            Content = JsonContent.Create(new { q = "SELECT id FROM item" }),
        };
        request.Headers.Add("Prefer", "transient");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("limit", header, StringComparison.Ordinal);
    }
}
