using System.Net;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Tests.Emulator;
using Refit;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class OrderEndpointTests
{
    [Fact]
    public async Task GetOrder_WithItems_ReadsOneQuery()
    {
        await using var host = await SapiHost.StartAsync();
        var (order, items) = SeedOrder(host.Emulator);
        var queriesBefore = host.Emulator.Usage.Count(ApiEndpoints.Query);

        var read = await host.Client.GetOrderAsync(order, EmulatorHost.Cancel);

        Assert.Equal(queriesBefore + 1, host.Emulator.Usage.Count(ApiEndpoints.Query));
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.SObjectGet));
        Assert.Equal("C-42", read.AccountNetSuiteId);
        Assert.Equal("PO-7", read.PoNumber);
        Assert.Equal("UPS", read.ShippingCarrier);
        Assert.Equal("Berlin", read.ShippingAddress!.City);
        Assert.Null(read.NetSuiteOrderId);
        Assert.Equal(2, read.Items.Count);
        var first = read.Items[0];
        Assert.Equal(items[0], first.Id);
        Assert.Equal("CHAI-01", first.Sku);
        Assert.Equal(3m, first.Quantity);
        Assert.Equal(18m, first.UnitPrice);
        Assert.Equal(10m, first.DiscountPercent);
        Assert.Equal(new DateOnly(2026, 12, 24), first.ExpectedShipDate);
        Assert.Equal("Wave 1", first.SequenceName);
        Assert.Equal("0QL000000000001AAA", first.QuoteLineItemId);
        Assert.Equal("CHAI-01", read.Items[1].Sku);
        Assert.Null(read.Items[1].DiscountPercent);
    }

    [Fact]
    public async Task GetOrder_Missing_Returns404()
    {
        await using var host = await SapiHost.StartAsync();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(
            () => host.Client.GetOrderAsync("801000000000099AAA", EmulatorHost.Cancel));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task UpdateOrderSync_WritesNetSuiteIdsAndStatus()
    {
        await using var host = await SapiHost.StartAsync();
        var (order, _) = SeedOrder(host.Emulator);

        await host.Client.UpdateOrderSyncAsync(
            order, new OrderSyncUpdate("5501", "SO-5501", SyncStatus.Synced, null), EmulatorHost.Cancel);

        var stored = host.Emulator.Records.Get("Order", order)!;
        Assert.Equal("5501", stored["NetSuite_Order_Id__c"]);
        Assert.Equal("SO-5501", stored["NetSuite_Order_Number__c"]);
        Assert.Equal("Synced", stored["Sync_Status__c"]);
        Assert.Null(stored["Sync_Error__c"]);
    }

    [Fact]
    public async Task UpsertInvoices_OneBadLookup_ReportsPerRecord()
    {
        await using var host = await SapiHost.StartAsync();
        var (order, _) = SeedOrder(host.Emulator);
        await host.Client.UpdateOrderSyncAsync(
            order, new OrderSyncUpdate("5501", "SO-5501", SyncStatus.Synced, null), EmulatorHost.Cancel);
        var good = new InvoiceUpsert(
            "INV-1", "INV-1", "C-42", "5501", new DateOnly(2026, 12, 1), null, "Open", 54m, 54m, "EUR");
        var bad = good with { NetSuiteId = "INV-2", AccountNetSuiteId = "C-404" };

        var response = await host.Client.UpsertInvoicesAsync([good, bad], EmulatorHost.Cancel);

        Assert.Equal(1, response.Saved);
        Assert.Equal(1, response.Failed);
        Assert.True(response.Results[0].Success);
        Assert.Equal("INV-2", response.Results[1].Key);
        Assert.Equal("INVALID_FIELD", response.Results[1].Errors[0].StatusCode);
        var invoice = host.Emulator.Records.Get("Invoice__c", response.Results[0].Id!)!;
        Assert.Equal(order, invoice["Order__c"]);
        Assert.Equal(new DateOnly(2026, 12, 1), invoice["Invoice_Date__c"]);
    }

    [Fact]
    public async Task UpsertRefunds_TwiceSameKey_UpdatesRecord()
    {
        await using var host = await SapiHost.StartAsync();
        SeedOrder(host.Emulator);
        var refund = new RefundUpsert("RF-1", "RF-1", "C-42", new DateOnly(2026, 12, 2), 5m, "Issued", "damaged");

        var first = await host.Client.UpsertRefundsAsync([refund], EmulatorHost.Cancel);
        var second = await host.Client.UpsertRefundsAsync([refund with { Amount = 7m }], EmulatorHost.Cancel);

        Assert.True(first.Results[0].Created);
        Assert.False(second.Results[0].Created);
        Assert.Equal(7m, host.Emulator.Records.Get("Refund__c", first.Results[0].Id!)!["Amount__c"]);
    }

    [Fact]
    public async Task UpdatePaymentSync_WritesPaymentId()
    {
        await using var host = await SapiHost.StartAsync();
        var payment = SoqlQueryTests.Seed(host.Emulator, "Payment__c", new() { ["Amount__c"] = 10m });

        await host.Client.UpdatePaymentSyncAsync(
            payment, new PaymentSyncUpdate("PMT-9", SyncStatus.Failed, new string('e', 300)), EmulatorHost.Cancel);

        var stored = host.Emulator.Records.Get("Payment__c", payment)!;
        Assert.Equal("PMT-9", stored["NetSuite_Payment_Id__c"]);
        Assert.Equal("Failed", stored["Sync_Status__c"]);
        Assert.Equal(255, stored.GetString("Sync_Error__c")!.Length);
    }

    private static (string Order, string[] Items) SeedOrder(EmulatorHost emulator)
    {
        var account = SoqlQueryTests.Seed(
            emulator, "Account", new() { ["Name"] = "Acme", ["NetSuite_Id__c"] = "C-42" });
        var product = SoqlQueryTests.Seed(
            emulator, "Product2", new() { ["Name"] = "Chai", ["ProductCode"] = "CHAI-01" });
        var pricebook = SoqlQueryTests.Seed(emulator, "Pricebook2", new() { ["Name"] = "Standard" });
        var entry = SoqlQueryTests.Seed(emulator, "PricebookEntry", new()
        {
            ["Pricebook2Id"] = pricebook, ["Product2Id"] = product, ["UnitPrice"] = 18m,
        });
        var order = SoqlQueryTests.Seed(emulator, "Order", new()
        {
            ["AccountId"] = account, ["Status"] = "Activated", ["PoNumber"] = "PO-7", ["Shipping_Carrier__c"] = "UPS",
            ["ShippingCity"] = "Berlin", ["EffectiveDate"] = new DateOnly(2026, 12, 1),
        });
        var withProduct = SoqlQueryTests.Seed(emulator, "OrderItem", new()
        {
            ["OrderId"] = order, ["PricebookEntryId"] = entry, ["Product2Id"] = product, ["Quantity"] = 3m,
            ["UnitPrice"] = 18m, ["Discount__c"] = 10m, ["Expected_Ship_Date__c"] = new DateOnly(2026, 12, 24),
            ["Sequence_Name__c"] = "Wave 1", ["QuoteLineItemId"] = "0QL000000000001AAA",
        });
        var viaEntry = SoqlQueryTests.Seed(emulator, "OrderItem", new()
        {
            ["OrderId"] = order, ["PricebookEntryId"] = entry, ["Quantity"] = 1m, ["UnitPrice"] = 18m,
        });
        return (order, [withProduct, viaEntry]);
    }
}
