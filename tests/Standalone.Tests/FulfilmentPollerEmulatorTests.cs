using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.Standalone.Tests.PollerEmulatorTests;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// The fulfilment flow end to end: Sales Orders fulfilled in the NetSuite emulator, the orchestrator's fulfilment-poller
/// binding endpoint, SuiteQL through ns-sapi, and the shipping fields of the Orders in the Salesforce emulator.
/// The Sales Orders are created in the emulator directly and the Orders carry their ids, as the order flow
/// leaves them.
/// </summary>
public sealed class FulfilmentPollerEmulatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FulfilmentPoller_ShippedThenDeleted_OrderShowsEach()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Shipping Test Foods");
        var salesOrderId = CreateSalesOrder(sandbox, customerId);
        var orderId = await CreateOrderAsync(sandbox, salesOrderId);
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<SalesOrderBilling>();
        var fulfilment = billing.Fulfil(salesOrderId, null, ["1Z999AA10123456784", "1Z999AA10123456785"]).Transaction!;
        await PassSecondAsync();

        var shipped = await RunPollerAsync(sandbox, PollerApi.FulfilmentPollerBinding);
        var afterShipping = sandbox.SalesforceRecords.Get("Order", orderId)!;
        Assert.NotNull(billing.Delete(fulfilment.Id));
        await PassSecondAsync();
        var deleted = await RunPollerAsync(sandbox, PollerApi.FulfilmentPollerBinding);
        var afterDeletion = sandbox.SalesforceRecords.Get("Order", orderId)!;

        Assert.Equal(PollerRunStatus.Completed, shipped.Status);
        Assert.Equal(1, shipped.Upserted);
        Assert.Equal("Shipped", afterShipping.GetString("Fulfilment_Status__c"));
        Assert.Equal("1Z999AA10123456784,1Z999AA10123456785", afterShipping.GetString("Tracking_Numbers__c"));
        Assert.Equal(fulfilment.Id, afterShipping.GetString("NetSuite_Fulfilment_Id__c"));
        Assert.Equal(1, deleted.DeletionsRead);
        Assert.Equal(1, deleted.Upserted);
        Assert.Equal("Deleted", afterDeletion.GetString("Fulfilment_Status__c"));
    }

    [Fact]
    public async Task FulfilmentPoller_OrderNotInSalesforce_FailsThatFulfilment()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Missing Order Foods");
        var known = CreateSalesOrder(sandbox, customerId);
        var unknown = CreateSalesOrder(sandbox, customerId);
        var orderId = await CreateOrderAsync(sandbox, known);
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<SalesOrderBilling>();
        billing.Fulfil(known, null, null);
        billing.Fulfil(unknown, null, null);
        await PassSecondAsync();

        var run = await RunPollerAsync(sandbox, PollerApi.FulfilmentPollerBinding);

        Assert.Equal(PollerRunStatus.Completed, run.Status);
        Assert.Equal(1, run.Upserted);
        Assert.Equal(1, run.Failed);
        Assert.Equal("Shipped", sandbox.SalesforceRecords.Get("Order", orderId)!.GetString("Fulfilment_Status__c"));
    }

    private static string CreateSalesOrder(SandboxFixture sandbox, string customerId)
    {
        var orders = sandbox.Emulators.NetSuite.Services.GetRequiredService<SalesOrderStore>();
        var order = orders.Write(store => store.Insert(new NetSuiteSalesOrder
        {
            EntityId = customerId,
            CurrencyId = "1",
            Lines = [new SalesOrderLineRecord { Line = 1, ItemId = "1", Quantity = 2 }],
        }));
        return order.Id;
    }

    private static async Task<string> CreateOrderAsync(SandboxFixture sandbox, string salesOrderId)
    {
        var accountId = sandbox.SalesforceRecords.All("Account").Single().Id;
        using var loader = await sandbox.SignInAsLoaderAsync();
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Order", ["referenceId"] = "order1" },
            ["AccountId"] = accountId,
            ["EffectiveDate"] = "2026-12-01",
            ["Status"] = "Draft",
            ["NetSuite_Order_Id__c"] = salesOrderId,
        };
        return (await loader.CreateTreeAsync("Order", [record], Token))["order1"];
    }
}
