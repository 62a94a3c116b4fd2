using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.Emulator;

/// <summary>The emulator's admin endpoints that bill, ship, void and delete transactions of Sales Orders.</summary>
public sealed class SalesOrderBillingTests
{
    [Fact]
    public async Task Invoice_SalesOrder_TotalsItsLines()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host, currencyId: "2");

        using var response = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        var invoice = Ledger(host).Find(body.GetProperty("id").GetString()!)!;
        Assert.Equal(invoice.TranId, body.GetProperty("tranId").GetString());
        Assert.Equal(TransactionTypes.Invoice, invoice.Type);
        Assert.Equal(order.Id, invoice.CreatedFrom);
        Assert.Equal(order.EntityId, invoice.EntityId);
        Assert.Equal("2", invoice.CurrencyId);
        Assert.Equal([180.00m, 46.50m], invoice.Lines.Select(line => line.Amount));
        Assert.Equal(226.50m, invoice.ForeignTotal);
        Assert.Equal(226.50m, invoice.ForeignAmountRemaining);
        Assert.All(Orders(host).Find(order.Id)!.Lines, line => Assert.Equal(line.Quantity, line.QuantityBilled));
    }

    [Fact]
    public async Task Invoice_HeaderDiscount_AddsDiscountLine()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host, discountRate: "-10%");

        using var response = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoice = Ledger(host).Find((await ReadJsonAsync(response)).GetProperty("id").GetString()!)!;
        Assert.Equal(-22.65m, invoice.Lines[^1].Amount);
        Assert.Equal(203.85m, invoice.ForeignTotal);
    }

    [Fact]
    public async Task Invoice_BilledTwice_Returns409()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host);
        using var first = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");

        using var second = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Single(Ledger(host).Transactions);
    }

    [Fact]
    public async Task Invoice_UnknownSalesOrder_Returns404()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        using var response = await PostAsync(host, "admin/billing/sales-orders/424242/invoice");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(Ledger(host).Transactions);
    }

    [Fact]
    public async Task Fulfil_WithCarrier_ShipsEveryLine()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host);

        using var response = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/fulfil",
            new { carrier = "FedEx 2Day", trackingNumbers = new[] { "794600000001", "794600000002" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fulfilment = Ledger(host).Find((await ReadJsonAsync(response)).GetProperty("id").GetString()!)!;
        Assert.Equal(TransactionTypes.ItemFulfillment, fulfilment.Type);
        Assert.Equal(TransactionTypes.Shipped, fulfilment.Status);
        Assert.Equal(order.Id, fulfilment.CreatedFrom);
        Assert.Equal("102", fulfilment.ShipMethodId);
        Assert.Equal(["794600000001", "794600000002"], fulfilment.TrackingNumbers);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), fulfilment.ShipDate);
        Assert.All(Orders(host).Find(order.Id)!.Lines, line => Assert.Equal(line.Quantity, line.QuantityFulfilled));
    }

    [Fact]
    public async Task Fulfil_WithoutBody_GeneratesTrackingNumber()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host);

        using var response = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/fulfil");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fulfilment = Ledger(host).Find((await ReadJsonAsync(response)).GetProperty("id").GetString()!)!;
        Assert.Equal("101", fulfilment.ShipMethodId);
        var tracking = Assert.Single(fulfilment.TrackingNumbers);
        Assert.Matches("^1Z[0-9A-Z]{16}$", tracking);
    }

    [Fact]
    public async Task Fulfil_UnknownCarrier_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host);

        using var response = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/fulfil",
            new { carrier = "Pigeon Post" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Ledger(host).Transactions);
    }

    [Fact]
    public async Task Void_OpenInvoice_ZeroesAmounts()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var invoice = Assert.Single(Billing(host).BillInvoices(1, "1001", 75m));

        using var response = await PostAsync(host, $"admin/billing/transactions/{invoice.Id}/void");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var voided = Ledger(host).Find(invoice.Id)!;
        Assert.Equal(TransactionTypes.Voided, voided.Status);
        Assert.Equal(0m, voided.ForeignTotal);
        Assert.Equal(0m, voided.ForeignAmountRemaining);
        Assert.True(voided.LastModifiedDate >= invoice.LastModifiedDate);
        using var again = await PostAsync(host, $"admin/billing/transactions/{invoice.Id}/void");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Void_CustomerRefund_Returns409()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var refund = Billing(host).IssueRefund("1001", 20m, null, cashRefund: true)[1];

        using var response = await PostAsync(host, $"admin/billing/transactions/{refund.Id}/void");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("A", Ledger(host).Find(refund.Id)!.Status);
    }

    [Fact]
    public async Task Delete_BilledInvoice_LogsDeletionAndReopensOrder()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var order = await CreateOrderAsync(host);
        using var billed = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");
        var invoiceId = (await ReadJsonAsync(billed)).GetProperty("id").GetString()!;

        using var response = await host.EmulatorClient.DeleteAsync(
            $"admin/billing/transactions/{invoiceId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var deleted = Assert.Single(Ledger(host).DeletedRecords);
        Assert.Equal((invoiceId, "invoice"), (deleted.RecordId, deleted.Type));
        Assert.All(Orders(host).Find(order.Id)!.Lines, line => Assert.Equal(0, line.QuantityBilled));
        using var rebilled = await PostAsync(host, $"admin/billing/sales-orders/{order.Id}/invoice");
        Assert.Equal(HttpStatusCode.OK, rebilled.StatusCode);
    }

    [Fact]
    public async Task DeletedRecord_SuiteQl_ReturnsTypeAndId()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var invoice = Assert.Single(Billing(host).BillInvoices(1, "1001", 10m));
        Assert.NotNull(host.Emulator.Services.GetRequiredService<SalesOrderBilling>().Delete(invoice.Id));

        using var response = await QueryAsync(host,
            "SELECT recordid, type, name, TO_CHAR(deleteddate, 'YYYY-MM-DD HH24:MI:SS') AS deleted "
            + "FROM DeletedRecord WHERE type IN ('invoice', 'creditmemo') ORDER BY deleteddate, recordid");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single((await ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(invoice.Id, row.GetProperty("recordid").GetString());
        Assert.Equal("invoice", row.GetProperty("type").GetString());
        Assert.Equal(invoice.TranId, row.GetProperty("name").GetString());
        Assert.True(row.TryGetProperty("deleted", out _));
    }

    private static SalesOrderStore Orders(NetSuiteTestHost host) =>
        host.Emulator.Services.GetRequiredService<SalesOrderStore>();

    /// <summary>Stores a Sales Order with two custom-priced lines: 10 x 18.00 and 2 x 23.25.</summary>
    private static async Task<NetSuiteSalesOrder> CreateOrderAsync(
        NetSuiteTestHost host,
        string currencyId = "1",
        string? discountRate = null)
    {
        var customer = await CreateCustomerAsync(host, "Billed Ltd");
        var catalog = host.Emulator.Services.GetRequiredService<ItemCatalog>();
        var chai = catalog.Add("SKU-CHAI");
        var tofu = catalog.Add("SKU-TOFU");
        return Orders(host).Write(store => store.Insert(new NetSuiteSalesOrder
        {
            ExternalId = "801000000000001AAA",
            EntityId = customer,
            CurrencyId = currencyId,
            ShipMethodId = "101",
            DiscountItemId = discountRate is null ? null : "77",
            DiscountRate = discountRate,
            Lines =
            [
                new SalesOrderLineRecord { Line = 1, ItemId = chai.Id, Quantity = 10, PriceLevelId = "-1", Rate = "18.00" },
                new SalesOrderLineRecord { Line = 2, ItemId = tofu.Id, Quantity = 2, PriceLevelId = "-1", Rate = "23.25" },
            ],
        }));
    }

    private static Task<HttpResponseMessage> PostAsync(NetSuiteTestHost host, string path, object? body = null) =>
        host.EmulatorClient.PostAsync(path, body is null ? null : JsonContent.Create(body),
            TestContext.Current.CancellationToken);
}
