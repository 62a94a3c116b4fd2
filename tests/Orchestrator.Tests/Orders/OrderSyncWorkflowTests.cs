using System.Text.Json;
using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Tests.Orders;

public sealed class OrderSyncWorkflowTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_NewOrder_CreatesSalesOrderAndWritesBack()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();
        var context = harness.NewContext();

        var result = await harness.RunAsync(context);

        Assert.Equal("Synced", result.Outcome);
        var request = Assert.Single(harness.NetSuite.SalesOrderUpserts);
        Assert.Null(request.InternalId);
        Assert.Equal(OrderFlowHarness.OrderId, request.ExternalId);
        Assert.Equal("3001", request.CustomerInternalId);
        Assert.Equal("NW-PO-10248", request.PurchaseOrderNumber);
        Assert.Equal("102", request.ShipMethodId);
        Assert.Equal(new DateOnly(1996, 7, 4), request.OrderDate);
        Assert.Equal(new DateOnly(1996, 7, 20), request.ShipDate);
        Assert.Equal("France", request.ShippingAddress?.Country);
        Assert.Equal("59 rue de l'Abbaye", request.ShippingAddress?.Addr1);
        Assert.Equal("Bâtiment B", request.ShippingAddress?.Addr2);
        Assert.Equal(2, request.Lines.Count);
        var first = request.Lines[0];
        Assert.Equal(("802000000000001AAA", "NW-11", 12m, 14m), (first.OrderItemId, first.Sku, first.Quantity, first.UnitPrice));
        Assert.Equal(5m, first.DiscountPercent);
        Assert.Equal(new DateOnly(1996, 8, 1), first.ExpectedShipDate);
        Assert.Equal("First wave", first.SequenceName);
        Assert.Equal("0QL000000000001AAA", first.QuoteLineItemId);

        var (orderId, update) = Assert.Single(harness.Salesforce.OrderWritebacks);
        Assert.Equal(OrderFlowHarness.OrderId, orderId);
        Assert.Equal("Synced", update.SyncStatus);
        Assert.Equal(result.NetSuiteOrderId, update.NetSuiteOrderId);
        Assert.Equal($"SO{result.NetSuiteOrderId}", update.NetSuiteOrderNumber);
        Assert.Null(update.SyncError);
        Assert.DoesNotContain(context.Calls, call => call.Name == nameof(EnsureCustomerActivity));
        Assert.Null(context.ContinuedAsNewWith);

        var outcome = Assert.Single(await harness.Outcomes.ListAsync("order", Token));
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Equal(result.NetSuiteOrderId, outcome.NetSuiteId);
    }

    [Fact]
    public async Task RunAsync_OrderWithNetSuiteId_UpdatesThatSalesOrder()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder(netSuiteOrderId: "7001");

        var result = await harness.RunAsync(harness.NewContext());

        var request = Assert.Single(harness.NetSuite.SalesOrderUpserts);
        Assert.Equal("7001", request.InternalId);
        Assert.Equal("7001", result.NetSuiteOrderId);
    }

    [Fact]
    public async Task RunAsync_RepeatedRun_KeepsOneSalesOrder()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();

        var first = await harness.RunAsync(harness.NewContext());
        harness.Salesforce.Add(harness.Salesforce.Order(OrderFlowHarness.OrderId) with { NetSuiteOrderId = null });
        var second = await harness.RunAsync(harness.NewContext());

        Assert.Equal(1, harness.NetSuite.SalesOrderCount);
        Assert.Equal(first.NetSuiteOrderId, second.NetSuiteOrderId);
    }

    [Fact]
    public async Task RunAsync_AccountNotInNetSuite_SyncsCustomerFirst()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount(netSuiteId: null);
        harness.AddOrder();
        var context = harness.NewContext();

        var result = await harness.RunAsync(context);

        Assert.Equal("Synced", result.Outcome);
        Assert.Equal(1, harness.NetSuite.CustomerCount);
        var (accountId, accountUpdate) = Assert.Single(harness.Salesforce.AccountWritebacks);
        Assert.Equal(OrderFlowHarness.AccountId, accountId);
        var request = Assert.Single(harness.NetSuite.SalesOrderUpserts);
        Assert.Equal(accountUpdate.NetSuiteId, request.CustomerInternalId);
        Assert.Equal(
            [nameof(FetchOrderActivity), nameof(EnsureCustomerActivity), nameof(UpsertSalesOrderActivity), nameof(CompleteOrderSyncActivity)],
            context.Calls.Select(call => call.Name));
        Assert.Equal(SyncOutcomes.Synced, Assert.Single(await harness.Outcomes.ListAsync("customer", Token)).Outcome);
    }

    [Fact]
    public async Task RunAsync_UnknownSku_FailsWithSkuInSyncError()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder(sku: "NW-999");
        harness.NetSuite.SalesOrderFailures.Enqueue(await OrderFlowHarness.RejectionAsync(
            "INVALID_KEY_OR_REF", "item", "Item NW-999 was not found in NetSuite."));

        var result = await harness.RunAsync(harness.NewContext());

        Assert.Equal("Failed", result.Outcome);
        Assert.Equal("INVALID_KEY_OR_REF", result.ErrorCode);
        var (_, update) = Assert.Single(harness.Salesforce.OrderWritebacks);
        Assert.Equal("Failed", update.SyncStatus);
        Assert.Contains("NW-999", update.SyncError, StringComparison.Ordinal);
        Assert.Null(update.NetSuiteOrderId);
        var outcome = Assert.Single(await harness.Outcomes.ListAsync("order", Token));
        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.Equal("item", outcome.Field);
        Assert.Equal(0, harness.NetSuite.SalesOrderCount);
    }

    [Fact]
    public async Task RunAsync_UnmappedCarrier_FailsWithoutCallingNetSuite()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder(carrier: "Pigeon Post");

        var result = await harness.RunAsync(harness.NewContext());

        Assert.Equal(OrderErrorCodes.UnmappedValue, result.ErrorCode);
        Assert.Equal("Shipping_Carrier__c", result.Field);
        Assert.Contains("Pigeon Post", result.Message, StringComparison.Ordinal);
        Assert.Empty(harness.NetSuite.SalesOrderUpserts);
    }

    [Fact]
    public async Task RunAsync_TransientFailureOnce_RetriesAndSyncs()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();
        harness.NetSuite.SalesOrderFailures.Enqueue(await OrderFlowHarness.ServiceUnavailableAsync());
        var context = harness.NewContext();

        var result = await harness.RunAsync(context);

        Assert.Equal("Synced", result.Outcome);
        Assert.Contains((nameof(UpsertSalesOrderActivity), 2), context.Calls);
        Assert.Equal(1, harness.NetSuite.SalesOrderCount);
    }

    [Fact]
    public async Task RunAsync_TransientFailuresExhausted_RecordsFailure()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();
        for (var i = 0; i < OrderFlowHarness.Retry.MaxAttempts; i++)
        {
            harness.NetSuite.SalesOrderFailures.Enqueue(await OrderFlowHarness.ServiceUnavailableAsync());
        }

        var result = await harness.RunAsync(harness.NewContext());

        Assert.Equal(OrderErrorCodes.RetriesExhausted, result.ErrorCode);
        Assert.Equal("Failed", Assert.Single(harness.Salesforce.OrderWritebacks).Update.SyncStatus);
        Assert.Equal(SyncOutcomes.Failed, Assert.Single(await harness.Outcomes.ListAsync("order", Token)).Outcome);
    }

    [Fact]
    public async Task RunAsync_OrderMissing_FailsWithNotFound()
    {
        await using var harness = new OrderFlowHarness();

        var result = await new OrderSyncWorkflow().RunAsync(
            harness.NewContext("801000000000099AAA"), new OrderSyncInput("801000000000099AAA", "event-1", OrderFlowHarness.Retry));

        Assert.Equal(OrderErrorCodes.NotFound, result.ErrorCode);
        Assert.Equal("801000000000099AAA", Assert.Single(await harness.Outcomes.ListAsync("order", Token)).RecordId);
    }

    [Fact]
    public async Task RunAsync_RerunFlagSet_TakesFlagAndContinuesAsNew()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();
        await harness.State.SaveAsync(OrderQueuedHandler.RerunFlagKey(OrderFlowHarness.OrderId), harness.Time.GetUtcNow(), cancellationToken: Token);
        var context = harness.NewContext();

        await harness.RunAsync(context);

        var next = Assert.IsType<OrderSyncInput>(context.ContinuedAsNewWith);
        Assert.Equal(2, next.Run);
        Assert.Equal(OrderFlowHarness.OrderId, next.OrderId);
        Assert.Null(await harness.State.GetAsync<DateTimeOffset>(OrderQueuedHandler.RerunFlagKey(OrderFlowHarness.OrderId), Token));
    }

    [Fact]
    public async Task RunAsync_EventShapedInput_UsesDefaultRetry()
    {
        await using var harness = new OrderFlowHarness();
        harness.AddAccount("3001");
        harness.AddOrder();
        var queued = new OrderQueuedEvent("retry-1", OrderFlowHarness.OrderId, harness.Time.GetUtcNow());
        var input = JsonSerializer.Deserialize<OrderSyncInput>(JsonSerializer.Serialize(queued))!;

        var result = await new OrderSyncWorkflow().RunAsync(harness.NewContext(), input);

        Assert.Null(input.Retry);
        Assert.Equal("Synced", result.Outcome);
    }
}
