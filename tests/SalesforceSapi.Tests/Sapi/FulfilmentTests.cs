using System.Net;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Tests.Emulator;
using Refit;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class FulfilmentTests
{
    [Fact]
    public async Task UpdateFulfilments_BatchWithUnknownOrder_WritesFoundOrders()
    {
        await using var host = await SapiHost.StartAsync();
        var shipped = SeedOrder(host.Emulator, "SO-1", carrier: "UPS");
        var packed = SeedOrder(host.Emulator, "so-2'x", carrier: "DHL");
        var queriesBefore = host.Emulator.Usage.Count(ApiEndpoints.Query);

        var response = await host.Client.UpdateOrderFulfilmentsAsync(
            [
                new("SO-1", "IF-10", new DateOnly(2026, 12, 3), "FedEx", ["1Z999", " 1Z998 ", "1Z999"], "Shipped"),
                new("SO-404", "IF-11", null, null, [], "Picked"),
                new("SO-2'X", "IF-12", null, null, [], "Packed"),
            ],
            EmulatorHost.Cancel);

        Assert.Equal(queriesBefore + 1, host.Emulator.Usage.Count(ApiEndpoints.Query));
        Assert.Equal(1, host.Emulator.Usage.Count(ApiEndpoints.CollectionsUpdate));
        Assert.Equal(2, response.Saved);
        Assert.Equal(1, response.Failed);
        Assert.Equal([0, 1, 2], response.Results.Select(result => result.Index));
        Assert.Equal(["SO-1", "SO-404", "SO-2'X"], response.Results.Select(result => result.Key));
        Assert.Equal(shipped, response.Results[0].Id);
        Assert.True(response.Results[0].Success);
        Assert.Equal(packed, response.Results[2].Id);

        var missing = response.Results[1];
        Assert.False(missing.Success);
        Assert.Null(missing.Id);
        var error = Assert.Single(missing.Errors);
        Assert.Equal("NOT_FOUND", error.StatusCode);
        Assert.Contains("SO-404", error.Message, StringComparison.Ordinal);

        var order = host.Emulator.Records.Get("Order", shipped)!;
        Assert.Equal("Shipped", order["Fulfilment_Status__c"]);
        Assert.Equal(new DateOnly(2026, 12, 3), order["Ship_Date__c"]);
        Assert.Equal("FedEx", order["Shipping_Carrier__c"]);
        Assert.Equal("1Z999,1Z998", order["Tracking_Numbers__c"]);
        Assert.Equal("IF-10", order["NetSuite_Fulfilment_Id__c"]);

        var second = host.Emulator.Records.Get("Order", packed)!;
        Assert.Equal("Packed", second["Fulfilment_Status__c"]);
        Assert.Equal("DHL", second["Shipping_Carrier__c"]);
        Assert.Null(second["Tracking_Numbers__c"]);
        Assert.Null(second["Ship_Date__c"]);
    }

    [Fact]
    public async Task UpdateFulfilments_DeletedFulfilment_ClearsShipDate()
    {
        await using var host = await SapiHost.StartAsync();
        var order = SeedOrder(host.Emulator, "SO-1", carrier: "UPS");
        await host.Client.UpdateOrderFulfilmentsAsync(
            [new("SO-1", "IF-10", new DateOnly(2026, 12, 3), null, ["1Z999"], "Shipped")], EmulatorHost.Cancel);

        var response = await host.Client.UpdateOrderFulfilmentsAsync(
            [new("SO-1", "IF-10", null, null, [], "Deleted")], EmulatorHost.Cancel);

        Assert.Equal(1, response.Saved);
        var stored = host.Emulator.Records.Get("Order", order)!;
        Assert.Equal("Deleted", stored["Fulfilment_Status__c"]);
        Assert.Null(stored["Ship_Date__c"]);
        Assert.Null(stored["Tracking_Numbers__c"]);
        Assert.Equal("UPS", stored["Shipping_Carrier__c"]);
    }

    [Fact]
    public async Task UpdateFulfilments_InvalidStatusAndRepeatedOrder_FailPerRecord()
    {
        await using var host = await SapiHost.StartAsync();
        var first = SeedOrder(host.Emulator, "SO-1", carrier: null);
        SeedOrder(host.Emulator, "SO-2", carrier: null);

        var response = await host.Client.UpdateOrderFulfilmentsAsync(
            [
                new("SO-1", "IF-1", null, null, [], "Picked"),
                new("SO-2", "IF-2", null, null, [], "Lost"),
                new("SO-1", "IF-3", null, null, [], "Packed"),
            ],
            EmulatorHost.Cancel);

        Assert.Equal(1, response.Saved);
        Assert.Equal("DUPLICATE_VALUE", response.Results[0].Errors[0].StatusCode);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", response.Results[1].Errors[0].StatusCode);
        Assert.True(response.Results[2].Success);
        Assert.Equal("Packed", host.Emulator.Records.Get("Order", first)!["Fulfilment_Status__c"]);
        Assert.Equal("IF-3", host.Emulator.Records.Get("Order", first)!["NetSuite_Fulfilment_Id__c"]);
    }

    [Fact]
    public async Task UpdateFulfilments_201Updates_Returns400()
    {
        await using var host = await SapiHost.StartAsync();
        var updates = Enumerable.Range(0, 201)
            .Select(i => new OrderFulfilmentUpdate($"SO-{i}", $"IF-{i}", null, null, [], "Picked"))
            .ToList();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(
            () => host.Client.UpdateOrderFulfilmentsAsync(updates, EmulatorHost.Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("at most 200", exception.Content, StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.Query));
    }

    [Fact]
    public async Task UpdateFulfilments_EmptyBatch_CallsNothing()
    {
        await using var host = await SapiHost.StartAsync();

        var response = await host.Client.UpdateOrderFulfilmentsAsync([], EmulatorHost.Cancel);

        Assert.Empty(response.Results);
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.Query));
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.CollectionsUpdate));
    }

    private static string SeedOrder(EmulatorHost emulator, string netSuiteOrderId, string? carrier)
    {
        var account = SoqlQueryTests.Seed(emulator, "Account", new() { ["Name"] = "Northwind Traders" });
        return SoqlQueryTests.Seed(emulator, "Order", new()
        {
            ["AccountId"] = account,
            ["EffectiveDate"] = new DateOnly(2026, 11, 2),
            ["Status"] = "Activated",
            ["NetSuite_Order_Id__c"] = netSuiteOrderId,
            ["Shipping_Carrier__c"] = carrier,
        });
    }
}
