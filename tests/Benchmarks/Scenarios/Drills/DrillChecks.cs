using System.Diagnostics;
using DaprSync.Benchmarks.Hosting;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios.Drills;

/// <summary>Waits and record checks that the drill scenarios share.</summary>
public static class DrillChecks
{
    public const string OrderTopic = "/event/Create_NS_Order__e";

    /// <summary>
    /// Returns true when <paramref name="exception"/> is how a request to a host ends once the host is killed: a
    /// refused or reset connection at any layer, or a timeout that <paramref name="cancellationToken"/> did not cause.
    /// </summary>
    public static bool IsCutByKill(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or InvalidOperationException or IOException
            or System.Net.Sockets.SocketException
        || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Waits until the host has subscribed to <paramref name="topic"/> in the Salesforce emulator. Throws
    /// <see cref="TimeoutException"/> when it has not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitForSubscriberAsync(
        BenchmarkEnvironment environment, string topic, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var events = environment.Emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();
        var clock = Stopwatch.StartNew();
        while (events.GetSubscriberCount(topic) == 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The host did not subscribe to {topic} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Returns the Orders that lack the NetSuite order id or number, or whose status is not Synced.</summary>
    public static List<string> IncompleteWritebacks(BenchmarkEnvironment environment, IReadOnlyList<string> orderIds)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(orderIds);
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        return [.. orderIds.Where(id =>
        {
            var order = records.Get("Order", id);
            return order?.GetString("NetSuite_Order_Id__c") is null
                || order.GetString("NetSuite_Order_Number__c") is null
                || order.GetString("Sync_Status__c") != "Synced";
        })];
    }

    /// <summary>Counts the Orders whose <c>Sync_Status__c</c> is Failed.</summary>
    public static int MarkedFailed(BenchmarkEnvironment environment, IReadOnlyList<string> orderIds)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(orderIds);
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        return orderIds.Count(id => records.Get("Order", id)?.GetString("Sync_Status__c") == "Failed");
    }

    /// <summary>Waits until NetSuite contains at least <paramref name="target"/> of the Orders' Sales Orders, or the
    /// timeout passes.</summary>
    public static async Task WaitForSalesOrdersAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> orderIds, int target, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (OrderWorkload.Check(environment, orderIds).SalesOrders < target && clock.Elapsed < timeout)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>
    /// Counts the Orders that have exactly one Sales Order in NetSuite and a complete writeback (id, number and
    /// <c>Sync_Status__c = Synced</c>).
    /// </summary>
    public static int SyncedOnce(BenchmarkEnvironment environment, IReadOnlyList<string> orderIds)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(orderIds);
        var salesOrders = environment.Emulators.NetSuite.Services.GetRequiredService<SalesOrderStore>().All;
        var perOrder = salesOrders.GroupBy(order => order.ExternalId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var incomplete = IncompleteWritebacks(environment, orderIds).ToHashSet(StringComparer.Ordinal);
        return orderIds.Count(id => perOrder.GetValueOrDefault(id) == 1 && !incomplete.Contains(id));
    }
}
