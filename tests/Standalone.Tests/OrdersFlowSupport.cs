using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.Payments;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests;

/// <summary>Creates the Salesforce records of one order through REST, as a sales user would, and reads the outcomes.</summary>
internal static class OrdersFlowSupport
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static SalesOrderStore SalesOrders(SandboxFixture sandbox) =>
        sandbox.Emulators.NetSuite.Services.GetRequiredService<SalesOrderStore>();

    public static PaymentBook Payments(SandboxFixture sandbox) =>
        sandbox.Emulators.NetSuite.Services.GetRequiredService<PaymentBook>();

    /// <summary>Creates an Account and waits for its Customer; returns the Account id.</summary>
    public static async Task<string> CreateSyncedAccountAsync(SandboxFixture sandbox, SalesforceLoader loader)
    {
        var ids = await loader.CreateTreeAsync("Account",
        [
            new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "acct" },
                ["Name"] = "Order Test Foods",
                ["BillingCity"] = "Reims",
                ["BillingCountry"] = "France",
            },
        ], Token);
        await sandbox.WaitForOutcomesAsync(outcomes => outcomes.Any(o => o.RecordId == ids["acct"]));
        return ids["acct"];
    }

    /// <summary>
    /// Creates a Draft Order with one line per SKU. Only SKUs in <paramref name="knownSkus"/> get a NetSuite item.
    /// </summary>
    public static async Task<string> CreateOrderAsync(
        SandboxFixture sandbox, SalesforceLoader loader, string accountId, IReadOnlyList<string> skus, IReadOnlyList<string> knownSkus)
    {
        var items = sandbox.Emulators.NetSuite.Services.GetRequiredService<ItemCatalog>();
        foreach (var sku in knownSkus)
        {
            items.Add(sku, $"Item {sku}");
        }

        var products = await loader.CreateTreeAsync("Product2", [.. skus.Select((sku, i) => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Product2", ["referenceId"] = $"p{i}" },
            ["Name"] = $"Product {sku}",
            ["ProductCode"] = sku,
        })], Token);
        var pricebook = (await loader.CreateTreeAsync("Pricebook2",
        [
            new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Pricebook2", ["referenceId"] = "pb" }, ["Name"] = "Standard" },
        ], Token))["pb"];
        var entries = await loader.CreateTreeAsync("PricebookEntry", [.. skus.Select((_, i) => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "PricebookEntry", ["referenceId"] = $"e{i}" },
            ["Pricebook2Id"] = pricebook,
            ["Product2Id"] = products[$"p{i}"],
            ["UnitPrice"] = 10,
        })], Token);
        var orderId = (await loader.CreateTreeAsync("Order",
        [
            new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Order", ["referenceId"] = "o" },
                ["AccountId"] = accountId,
                ["Pricebook2Id"] = pricebook,
                ["EffectiveDate"] = "2026-01-05",
                ["Status"] = "Draft",
                ["PoNumber"] = "PO-77",
                ["ShippingCity"] = "Reims",
                ["ShippingCountry"] = "France",
            },
        ], Token))["o"];
        await loader.CreateTreeAsync("OrderItem", [.. skus.Select((_, i) => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "OrderItem", ["referenceId"] = $"i{i}" },
            ["OrderId"] = orderId,
            ["PricebookEntryId"] = entries[$"e{i}"],
            ["Product2Id"] = products[$"p{i}"],
            ["Quantity"] = 3,
            ["UnitPrice"] = 12.5,
        })], Token);
        return orderId;
    }

    public static Task ActivateAsync(SalesforceLoader loader, string orderId) =>
        loader.UpdateAsync("Order", orderId, new JsonObject { ["Status"] = "Activated" }, Token);

    /// <summary>Waits until the flow has an outcome for <paramref name="recordId"/> matching a condition.</summary>
    public static async Task<SyncOutcome?> WaitForOutcomeAsync(
        SandboxFixture sandbox, string flow, string recordId, Func<SyncOutcome, bool>? done = null, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < limit)
        {
            var outcome = (await sandbox.Outcomes.ListAsync(flow, Token)).FirstOrDefault(o => o.RecordId == recordId);
            if (outcome is not null && (done is null || done(outcome)))
            {
                return outcome;
            }

            await Task.Delay(50, Token);
        }

        return null;
    }
}
