using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Scenarios;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Drills.Tests;

/// <summary>
/// The standalone host runs as a child process on a SQLite file and is killed with SIGKILL at random points while
/// an order burst is in flight, then restarted on the same file. Each kill waits for a random count of Sales Orders
/// in NetSuite, so that every kill lands while part of the burst is done and part is still to do. Every Order must
/// end with exactly one NetSuite Sales Order and its writeback of id, number and <c>Sync_Status__c = Synced</c>, so
/// no event is lost.
/// </summary>
public sealed class OrderCrashDrillTests
{
    private const int Orders = 30;
    private const int Kills = 3;
    private const string OrderTopic = "/event/Create_NS_Order__e";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_KilledDuringOrderBurst_OneSalesOrderEach()
    {
        // The latency keeps several workflows in flight at each kill.
        await using var environment = await BenchmarkEnvironment.StartAsync(
            new Dictionary<string, string?>
            {
                ["NetSuiteEmulator:Faults:LatencyMilliseconds"] = "60",
                ["SalesforceEmulator:Traffic:LatencyMilliseconds"] = "20",
            },
            Token);
        var settings = environment.HostSettings(DrillHostSettings.Crash());
        var orderIds = await OrderWorkload.SeedAsync(environment, Orders, Token);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var starts = new List<long>();
        var child = await ChildHost.StartAsync(settings, StartTimeout, Token);
        starts.Add(clock.ElapsedMilliseconds);
        await WaitForSubscriberAsync(environment);
        await OrderWorkload.QueueAsync(environment, orderIds, Token);

        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killTargets = new List<int>();
        var salesOrdersAtKill = new List<int>();
        var writtenBackAtKill = new List<int>();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Kill k waits for a Sales Order count in the k-th third of the burst, and at most 20 s.
            var target = random.Next((kill * Orders / Kills) + 1, (kill + 1) * Orders / Kills);
            killTargets.Add(target);
            await WaitForSalesOrdersAsync(environment, orderIds, target, TimeSpan.FromSeconds(20));
            await child.KillAsync();
            await child.DisposeAsync();
            var atKill = OrderWorkload.Check(environment, orderIds);
            salesOrdersAtKill.Add(atKill.SalesOrders);
            writtenBackAtKill.Add(atKill.WrittenBack);
            var restartAt = clock.ElapsedMilliseconds;
            child = await ChildHost.StartAsync(settings, StartTimeout, Token);
            starts.Add(clock.ElapsedMilliseconds - restartAt);
        }

        await using (child)
        {
            var settleAt = clock.ElapsedMilliseconds;
            var writebacks = await OrderWorkload.WaitForWritebacksAsync(
                environment, orderIds, TimeSpan.FromSeconds(30), Token);
            var settleMs = clock.ElapsedMilliseconds - settleAt;
            var check = OrderWorkload.Check(environment, orderIds);
            var incomplete = IncompleteWritebacks(environment, orderIds);

            DrillReport.Write(
                "crash drill: order burst, standalone host killed and restarted",
                ("kills", Kills),
                ("Sales Orders each kill waited for", string.Join(", ", killTargets)),
                ("Sales Orders at each kill", string.Join(", ", salesOrdersAtKill)),
                ("orders written back at each kill", string.Join(", ", writtenBackAtKill)),
                ("random seed", seed),
                ("host start times (ms)", string.Join(", ", starts)),
                ("wait for writebacks after the last restart (ms)", settleMs),
                ("orders", Orders),
                ("Sales Orders", check.SalesOrders),
                ("duplicate Sales Orders", check.Duplicates),
                ("orders without a Sales Order", check.Missing),
                ("orders written back", writebacks.Count),
                ("orders with a missing or incomplete writeback", incomplete.Count));

            Assert.Equal(0, check.Duplicates);
            Assert.Equal(0, check.Missing);
            Assert.Equal(Orders, check.SalesOrders);
            Assert.Equal(Orders, writebacks.Count);
            Assert.Empty(incomplete);
        }
    }

    private static async Task WaitForSubscriberAsync(BenchmarkEnvironment environment)
    {
        var events = environment.Emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (events.GetSubscriberCount(OrderTopic) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The host did not subscribe to {OrderTopic} within 20 s.");
            await Task.Delay(50, Token);
        }
    }

    private static async Task WaitForSalesOrdersAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> orderIds, int target, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (OrderWorkload.Check(environment, orderIds).SalesOrders < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, Token);
        }
    }

    /// <summary>Returns the Orders that lack the NetSuite order id or number, or whose status is not Synced.</summary>
    private static List<string> IncompleteWritebacks(BenchmarkEnvironment environment, IReadOnlyList<string> orderIds)
    {
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        return [.. orderIds.Where(id =>
        {
            var order = records.Get("Order", id);
            return order?.GetString("NetSuite_Order_Id__c") is null
                || order.GetString("NetSuite_Order_Number__c") is null
                || order.GetString("Sync_Status__c") != "Synced";
        })];
    }
}
