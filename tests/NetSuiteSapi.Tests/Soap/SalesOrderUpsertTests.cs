using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using DaprSync.Contracts.NetSuite;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

public sealed class SalesOrderUpsertTests
{
    [Fact]
    public async Task Upsert_NewOrder_CreatesSalesOrderWithTranId()
    {
        await using var host = await SoapTestHost.StartAsync();
        var chai = host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<SalesOrderUpsertResult>(
            TestContext.Current.CancellationToken);
        Assert.NotNull(result);
        Assert.True(result.Created);
        Assert.Equal("SO1001", result.TranId);
        var order = Assert.Single(host.Orders.All);
        Assert.Equal(result.InternalId, order.Id);
        Assert.Equal("801000000000001AAA", order.ExternalId);
        Assert.Equal(host.CustomerId, order.EntityId);
        Assert.Equal("PO-4711", order.OtherRefNum);
        Assert.Equal("2024-03-05T00:00:00-08:00", order.TranDate);
        Assert.Equal("_germany", order.ShippingAddress?.Country);
        Assert.Equal("101", order.ShipMethodId);
        Assert.Equal(("1", "3", "4", "5"), (order.CurrencyId, order.LocationId, order.DepartmentId, order.ClassId));
        Assert.Equal("801000000000001AAA", order.CustomFields["custbody_dsync_sf_order_id"]);
        var line = Assert.Single(order.Lines);
        Assert.Equal(chai.Id, line.ItemId);
        Assert.Equal(10, line.Quantity);
        Assert.Equal("-1", line.PriceLevelId);
        Assert.Equal("18.00", line.Rate);
        Assert.Equal("802000000000001AAA", line.CustomFields["custcol_dsync_sf_order_item_id"]);
        Assert.Equal(["upsert", "getList"], host.Requests.Select(Operation));
    }

    [Fact]
    public async Task Upsert_RepeatAfterLostWriteback_KeepsOneOrderAndLines()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Items.Add("SKU-TOFU");
        var cancellationToken = TestContext.Current.CancellationToken;
        var chai = Line("802000000000001AAA", "SKU-CHAI", 10, 18m);
        var tofu = Line("802000000000002AAA", "SKU-TOFU", 2, 23.25m);

        // Salesforce never stored the first result, so the same Order arrives again without an internal id.
        using var first = await PutAsync(host, Order(host.CustomerId, lines: [chai, tofu]));
        using var second = await PutAsync(host, Order(host.CustomerId, lines: [chai, tofu]));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstResult = await first.Content.ReadFromJsonAsync<SalesOrderUpsertResult>(cancellationToken);
        var secondResult = await second.Content.ReadFromJsonAsync<SalesOrderUpsertResult>(cancellationToken);
        Assert.Equal(firstResult!.InternalId, secondResult!.InternalId);
        Assert.Equal("SO1001", secondResult.TranId);
        var order = Assert.Single(host.Orders.All);
        Assert.Equal(
            ["802000000000001AAA", "802000000000002AAA"],
            order.Lines.Select(line => line.CustomFields["custcol_dsync_sf_order_item_id"]));
        Assert.Equal([10d, 2d], order.Lines.Select(line => line.Quantity));
        Assert.Equal(["18", "23.25"], order.Lines.Select(line => line.Rate));
        Assert.Equal(["upsert", "getList", "upsert", "getList"], host.Requests.Select(Operation));
    }

    [Fact]
    public async Task Upsert_ClearedPurchaseOrder_SendsNullFieldList()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        using var created = await PutAsync(host, Order(host.CustomerId));

        using var updated = await PutAsync(host, Order(host.CustomerId, purchaseOrder: null));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Null(host.Orders.All[0].OtherRefNum);
        var update = host.Requests.Last(envelope => Operation(envelope) == "upsert");
        XNamespace core = "urn:core_2023_2.platform.webservices.netsuite.com";
        var nullFieldList = update.Descendants(core + "nullFieldList").Single();
        Assert.Contains("otherRefNum", nullFieldList.Elements(core + "name").Select(name => name.Value));
        Assert.DoesNotContain(update.Descendants(), element => element.Name.LocalName == "otherRefNum");
    }

    [Fact]
    public async Task Upsert_FulfilledLine_KeepsLineAndAddsNewOne()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Items.Add("SKU-CHANG");
        host.Items.Add("SKU-TOFU");
        var chai = Line("802000000000001AAA", "SKU-CHAI", 10, 18m);
        var chang = Line("802000000000002AAA", "SKU-CHANG", 5, 19m);
        using var created = await PutAsync(host, Order(host.CustomerId, lines: [chai, chang]));
        host.Orders.Fulfil(host.Orders.All[0].Id, line: 1, quantity: 10);

        var tofu = Line("802000000000003AAA", "SKU-TOFU", 2, 23.25m);
        using var updated = await PutAsync(host, Order(host.CustomerId, lines: [chang with { Quantity = 7 }, tofu]));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var lines = host.Orders.All[0].Lines;
        Assert.Equal([1L, 2L, 3L], lines.Select(line => line.Line));
        Assert.Equal(10, lines[0].QuantityFulfilled);
        Assert.Equal(7, lines[1].Quantity);
        Assert.Equal("802000000000003AAA", lines[2].CustomFields["custcol_dsync_sf_order_item_id"]);
        var update = host.Requests.Last(envelope => envelope.Descendants().Any(e => e.Name.LocalName == "update"));
        var itemList = update.Descendants().Single(element => element.Name.LocalName == "itemList");
        Assert.Equal("false", (string?)itemList.Attribute("replaceAll"));

        // The replacing upsert is rejected for the fulfilled line, so the order is read and updated line by line.
        Assert.Equal(["upsert", "getList", "upsert", "get", "update"], host.Requests.Select(Operation));
    }

    [Fact]
    public async Task Upsert_UnknownSku_Returns422NamingSku()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("UNKNOWN_SKU", problem["errorCode"].ToString());
        Assert.Equal("Lines[0].Sku", problem["field"].ToString());
        Assert.Contains("SKU-CHAI", problem["detail"].ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task Upsert_UnknownCustomer_Returns422InvalidKeyOrRef()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order("999999"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("INVALID_KEY_OR_REF", problem["errorCode"].ToString());
        Assert.Equal("CustomerInternalId", problem["field"].ToString());
        Assert.Contains("999999", problem["detail"].ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Orders.All);
    }

    [Fact]
    public async Task Upsert_UnknownCountry_Returns422NamingCountry()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order(host.CustomerId, country: "Atlantis"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("UNKNOWN_COUNTRY", problem["errorCode"].ToString());
        Assert.Contains("Atlantis", problem["detail"].ToString(), StringComparison.Ordinal);
    }

    internal static async Task<Dictionary<string, object>> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken))!;

    // The name of the operation element in the SOAP body, such as get or upsert.
    private static string Operation(XDocument envelope) =>
        envelope.Root!.Elements().Last().Elements().First().Name.LocalName;
}
