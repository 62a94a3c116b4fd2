using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.SalesOrders;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>Line discounts, custom line fields and updates by internal id of Sales Orders.</summary>
public sealed class SalesOrderLineFieldTests
{
    [Fact]
    public async Task Upsert_LineDiscount_SendsNetRateAndColumns()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        var line = Line("802000000000001AAA", "SKU-CHAI", 10, 18.00m) with
        {
            DiscountPercent = 10m,
            SequenceName = "Phase 1",
            QuoteLineItemId = "0QL000000000001AAA",
        };

        using var response = await PutAsync(host, Order(host.CustomerId, lines: [line]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(Assert.Single(host.Orders.All).Lines);
        Assert.Equal("-1", stored.PriceLevelId);
        Assert.Equal("16.20", stored.Rate);
        Assert.Equal("18", stored.CustomFields[SalesOrderMapper.ListRateColumn]);
        Assert.Equal("10", stored.CustomFields[SalesOrderMapper.DiscountPercentColumn]);
        Assert.Equal("Phase 1", stored.CustomFields[SalesOrderMapper.SequenceNameColumn]);
        Assert.Equal("0QL000000000001AAA", stored.CustomFields[SalesOrderMapper.QuoteLineIdColumn]);
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var upsert = host.Requests.Single(envelope => envelope.Descendants().Any(e => e.Name.LocalName == "upsert"));
        var listRate = upsert.Descendants().Single(e => (string?)e.Attribute("scriptId") == SalesOrderMapper.ListRateColumn);
        Assert.EndsWith("DoubleCustomFieldRef", (string?)listRate.Attribute(xsi + "type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_NoDiscount_SendsZeroPercent()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(Assert.Single(host.Orders.All).Lines);
        Assert.Equal("18.00", stored.Rate);
        Assert.Equal("0", stored.CustomFields[SalesOrderMapper.DiscountPercentColumn]);
        Assert.False(stored.CustomFields.ContainsKey(SalesOrderMapper.SequenceNameColumn));
        Assert.False(stored.CustomFields.ContainsKey(SalesOrderMapper.QuoteLineIdColumn));
    }

    [Theory]
    [InlineData("18.00", "10", "16.20")]
    [InlineData("19.99", "12.5", "17.49")]
    [InlineData("1.25", "10", "1.13")]
    [InlineData("-5.25", "10", "-4.73")]
    [InlineData("7.77", "100", "0.00")]
    [InlineData("7.77", null, "7.77")]
    public void NetRate_Discount_RoundsToCent(string unitPrice, string? discount, string expected)
    {
        var line = new SalesOrderLine("802", "SKU", 1, decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture),
            null, discount is null ? null : decimal.Parse(discount, System.Globalization.CultureInfo.InvariantCulture));

        var rate = SalesOrderMapper.NetRate(line);

        Assert.Equal(expected, rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Upsert_DiscountAbove100_Returns400()
    {
        await using var host = await SoapTestHost.StartAsync();
        var line = Line("802000000000001AAA", "SKU-CHAI", 1, 18m) with { DiscountPercent = 120m };

        using var response = await PutAsync(host, Order(host.CustomerId, lines: [line]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Lines[0].DiscountPercent", body, StringComparison.Ordinal);
        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task Upsert_InternalId_UpdatesThatOrder()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        using var created = await PutAsync(host, Order(host.CustomerId));
        var internalId = Assert.Single(host.Orders.All).Id;

        using var updated = await PutAsync(host, Order(host.CustomerId, purchaseOrder: "PO-4712") with
        {
            InternalId = internalId,
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var result = await updated.Content.ReadFromJsonAsync<SalesOrderUpsertResult>(
            TestContext.Current.CancellationToken);
        Assert.Equal(internalId, result!.InternalId);
        Assert.False(result.Created);
        Assert.Equal("PO-4712", Assert.Single(host.Orders.All).OtherRefNum);
        var lastGet = host.Requests.Last(envelope => envelope.Descendants().Any(e => e.Name.LocalName == "get"));
        var baseRef = lastGet.Descendants().Single(e => e.Name.LocalName == "baseRef");
        Assert.Equal(internalId, (string?)baseRef.Attribute("internalId"));
        Assert.Null(baseRef.Attribute("externalId"));
    }

    [Fact]
    public async Task Upsert_UnknownInternalId_Returns422()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order(host.CustomerId) with { InternalId = "999999" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await SalesOrderUpsertTests.ProblemAsync(response);
        Assert.Equal("RCRD_DSNT_EXIST", problem["errorCode"].ToString());
        Assert.Equal("InternalId", problem["field"].ToString());
        Assert.Empty(host.Orders.All);
    }
}
