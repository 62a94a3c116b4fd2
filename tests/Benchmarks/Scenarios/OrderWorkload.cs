using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Benchmarks.Hosting;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Customers;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>One queued Order: when its status was set and when its writeback was seen.</summary>
public sealed record QueuedOrder(string OrderId, DateTimeOffset QueuedAt);

/// <summary>Orders checked after a burst: written back, Sales Orders in NetSuite, and duplicates.</summary>
public sealed record OrderCheck(int Expected, int WrittenBack, int SalesOrders, int Duplicates, int Missing);

/// <summary>
/// The order workload: customers and items that already exist on both sides, Draft Orders of 1 to 5 lines
/// created as the integration user, and a burst that activates them all as a sales user, so the emulator's
/// trigger publishes <c>Create_NS_Order__e</c> for each.
/// </summary>
public static class OrderWorkload
{
    private const int Customers = 50;
    private static readonly string[] Skus = ["BM-TEA", "BM-COFFEE", "BM-SUGAR", "BM-FLOUR", "BM-OIL"];

    /// <summary>Creates the customers, items, price book and <paramref name="orders"/> Draft Orders.
    /// Returns the Order ids.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        BenchmarkEnvironment environment, int orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var netSuite = environment.Emulators.NetSuite.Services;
        var items = netSuite.GetRequiredService<ItemCatalog>();
        foreach (var sku in Skus)
        {
            items.Add(sku, $"Benchmark item {sku}", 10m);
        }

        var customerIds = netSuite.GetRequiredService<NetSuiteRecords>().Write(table => Enumerable.Range(0, Customers)
            .Select(i => table.Insert(new NetSuiteCustomer { CompanyName = $"Order Benchmark {i}", SubsidiaryId = "1" }).Id)
            .ToList());

        using var salesforce = await IntegrationClient.SignInAsync(environment.Emulators.SalesforceRestAddress, cancellationToken);
        var accounts = await salesforce.CreateSyncedAccountsAsync(customerIds, cancellationToken);
        var products = await salesforce.CreateTreeAsync("Product2", new JsonArray([.. Skus.Select(sku => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Product2", ["referenceId"] = sku },
            ["Name"] = $"Benchmark item {sku}",
            ["ProductCode"] = sku,
            ["IsActive"] = true,
        })]), cancellationToken);
        var pricebook = (await salesforce.CreateTreeAsync("Pricebook2", [new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Pricebook2", ["referenceId"] = "book" },
            ["Name"] = "Standard Price Book",
            ["IsActive"] = true,
        }], cancellationToken))["book"];
        var entries = await salesforce.CreateTreeAsync("PricebookEntry", new JsonArray([.. Skus.Select(sku => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "PricebookEntry", ["referenceId"] = sku },
            ["Pricebook2Id"] = pricebook,
            ["Product2Id"] = products[sku],
            ["UnitPrice"] = 10m,
            ["IsActive"] = true,
        })]), cancellationToken);

        var accountIds = customerIds.Select(id => accounts[id]).ToList();
        var orderIds = new List<string>(orders);
        foreach (var chunk in Enumerable.Range(0, orders).Chunk(200))
        {
            var created = await salesforce.CreateTreeAsync("Order", new JsonArray([.. chunk.Select(i => (JsonNode)new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Order", ["referenceId"] = $"o{i}" },
                ["AccountId"] = accountIds[i % accountIds.Count],
                ["Pricebook2Id"] = pricebook,
                ["EffectiveDate"] = "2026-01-05",
                ["Status"] = "Draft",
                ["PoNumber"] = $"PO-{i}",
                ["ShippingStreet"] = $"Dock {i % 40}",
                ["ShippingCity"] = "Leeds",
                ["ShippingPostalCode"] = "LS1 4DY",
                ["ShippingCountry"] = "United Kingdom",
            })]), cancellationToken);
            orderIds.AddRange(chunk.Select(i => created[$"o{i}"]));
        }

        // Lines: 1 to 5 per order, cycling, so the average is 3.
        var lines = orderIds.SelectMany((orderId, i) => Enumerable.Range(0, 1 + (i % 5)).Select(line => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "OrderItem", ["referenceId"] = $"l{i}x{line}" },
            ["OrderId"] = orderId,
            ["PricebookEntryId"] = entries[Skus[line]],
            ["Product2Id"] = products[Skus[line]],
            ["Quantity"] = line + 1,
            ["UnitPrice"] = 10m,
        })).ToList();
        foreach (var chunk in lines.Chunk(200))
        {
            await salesforce.CreateTreeAsync("OrderItem", new JsonArray(chunk), cancellationToken);
        }

        return orderIds;
    }

    /// <summary>Activates every Order at once as a sales user (16 requests in flight) and returns when each was set.</summary>
    public static async Task<IReadOnlyList<QueuedOrder>> QueueAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> orderIds, CancellationToken cancellationToken)
    {
        using var loader = await SalesforceLoader.SignInAsync(environment.Emulators.SalesforceRestAddress, cancellationToken);
        var queued = new System.Collections.Concurrent.ConcurrentBag<QueuedOrder>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(orderIds, parallel, async (orderId, token) =>
        {
            await loader.UpdateAsync("Order", orderId, new JsonObject { ["Status"] = "Activated" }, token);
            queued.Add(new QueuedOrder(orderId, DateTimeOffset.UtcNow));
        });
        return [.. queued];
    }

    /// <summary>Waits until every Order carries its NetSuite order id, or the timeout passes; returns the time
    /// each writeback was first seen, by Order id.</summary>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset>> WaitForWritebacksAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> orderIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (seen.Count < orderIds.Count && clock.Elapsed < timeout)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var id in orderIds.Where(id => !seen.ContainsKey(id)))
            {
                if (records.Get("Order", id)?.GetString("NetSuite_Order_Id__c") is not null)
                {
                    seen[id] = now;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return seen;
    }

    /// <summary>Counts the Orders written back and the Sales Orders in NetSuite, one expected per Order.</summary>
    public static OrderCheck Check(BenchmarkEnvironment environment, IReadOnlyList<string> orderIds)
    {
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var salesOrders = environment.Emulators.NetSuite.Services.GetRequiredService<SalesOrderStore>().All;
        var perOrder = salesOrders.GroupBy(order => order.ExternalId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var writtenBack = orderIds.Count(id => records.Get("Order", id)?.GetString("NetSuite_Order_Id__c") is not null);
        return new OrderCheck(
            orderIds.Count,
            writtenBack,
            salesOrders.Count,
            perOrder.Values.Sum(count => Math.Max(0, count - 1)),
            orderIds.Count(id => !perOrder.ContainsKey(id)));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    internal static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
