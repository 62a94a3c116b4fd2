using System.Globalization;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>
/// The <c>orders</c> scenario: N Orders of 1 to 5 lines queued at once, NetSuite at 200 ms a call with a limit of
/// 5 concurrent requests. One Sales Order upsert per Order is the minimum when customer and items are known, so
/// the bound is 5 / 0.2 s = 25 orders a second.
/// </summary>
public static class OrderScenario
{
    public const int NetSuiteLatencyMilliseconds = 200;
    public const int ConcurrencyLimit = 5;

    public static async Task<ScenarioOutcome> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var n = options.Records ?? 1_000;
        var bound = ConcurrencyLimit / (NetSuiteLatencyMilliseconds / 1000.0);

        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuiteEmulator:Faults:LatencyMilliseconds"] = NetSuiteLatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["NetSuiteEmulator:MaxConcurrentRequests"] = ConcurrencyLimit.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        await environment.StartHostAsync(new Dictionary<string, string?>
        {
            ["NetSuite:MaxConcurrentRequests"] = ConcurrencyLimit.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        progress.WriteLine($"orders: seeding {n} orders");
        var orderIds = await OrderWorkload.SeedAsync(environment, n, cancellationToken);
        var gate = environment.Emulators.NetSuite.Services.GetRequiredService<ConcurrencyGate>();
        gate.Reset();
        var counter = environment.Emulators.NetSuite.Services.GetRequiredService<NetSuiteCallCounter>();
        var endpointsBefore = counter.Snapshot();
        var before = environment.Calls();

        progress.WriteLine($"orders: queueing {n} orders at once");
        var queued = await OrderWorkload.QueueAsync(environment, orderIds, cancellationToken);
        var timeout = TimeSpan.FromSeconds(Math.Max(120, n / bound * 6));
        var writebacks = await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, timeout, cancellationToken);
        var calls = environment.Calls() - before;

        // The activations are the sales user's calls, not DaprSync's: one PATCH per Order and one sign-in.
        var salesforceCalls = calls.Salesforce - n - 1;
        var check = OrderWorkload.Check(environment, orderIds);

        var latencies = queued
            .Where(order => writebacks.ContainsKey(order.OrderId))
            .Select(order => (writebacks[order.OrderId] - order.QueuedAt).TotalSeconds)
            .Order()
            .ToList();
        var first = queued.Min(order => order.QueuedAt);
        var last = writebacks.Count == 0 ? DateTimeOffset.UtcNow : writebacks.Values.Max();
        var throughput = writebacks.Count / (last - first).TotalSeconds;
        progress.WriteLine($"  {writebacks.Count} of {n} written back in {(last - first).TotalSeconds:0.0} s");

        var figures = new List<Figure>
        {
            new("orders", n, "records"),
            new("orders written back", check.WrittenBack, "records"),
            new("Sales Orders in NetSuite", check.SalesOrders, "records"),
            new("duplicate Sales Orders", check.Duplicates, "records"),
            new("orders without a Sales Order", check.Missing, "records"),
            new("orders per second", Math.Round(throughput, 2), "orders/s", "first activation to last writeback seen"),
            new("bound", bound, "orders/s", "limit / latency / 1 NetSuite call per order"),
            new("share of bound", Math.Round(throughput / bound, 3), "ratio"),
            new("p50 event to writeback", Math.Round(OrderWorkload.Percentile(latencies, 50), 2), "s", "activation to NetSuite_Order_Id__c seen (50 ms polling)"),
            new("p95 event to writeback", Math.Round(OrderWorkload.Percentile(latencies, 95), 2), "s"),
            new("max event to writeback", Math.Round(latencies.Count == 0 ? double.NaN : latencies[^1], 2), "s"),
            new("NetSuite calls per order", Math.Round(calls.NetSuite / (double)n, 3), "calls", "counted by the NetSuite emulator"),
            new("Salesforce calls per order", Math.Round(salesforceCalls / (double)n, 3), "calls", "the activations excluded"),
            new("NetSuite peak concurrent requests", gate.Peak, "requests"),
            new("concurrency faults seen", gate.Rejected, "requests", "rejected by the emulator's limit, then retried"),
            new("NetSuite active time", Math.Round(gate.ActiveTime.TotalSeconds, 2), "s", "first request admitted to last slot released"),
            new("NetSuite slot use while active", Math.Round(gate.SlotTime / (gate.ActiveTime * ConcurrencyLimit), 3), "ratio",
                "slot time held by requests / (limit x active time)"),
        };
        var settings = new Dictionary<string, string>
        {
            ["NetSuite latency"] = $"{NetSuiteLatencyMilliseconds} ms a call (REST and SOAP)",
            ["NetSuite concurrency limit"] = $"{ConcurrencyLimit} (emulator and ns-sapi)",
            ["Salesforce latency"] = "none",
            ["lines per order"] = "1 to 5, average 3",
        };
        var notes = new List<string>
        {
            "Salesforce calls per order exclude the activations (one PATCH per Order and the sales user's sign-in).",
        };
        notes.AddRange(counter.Snapshot()
            .Select(pair => (pair.Key, Count: pair.Value - endpointsBefore.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .OrderByDescending(pair => pair.Count)
            .Select(pair => $"NetSuite {pair.Key}: {pair.Count} calls"));
        var failures = new List<string>();
        if (check.Missing > 0 || check.Duplicates > 0)
        {
            failures.Add($"{check.Missing} orders without a Sales Order, {check.Duplicates} duplicate Sales Orders");
        }

        notes.AddRange(failures.Select(failure => "check failed: " + failure));
        var report = new BenchmarkReport("orders", startedAt, MachineInfo.Current(), settings, figures, notes);
        return new ScenarioOutcome(report, failures);
    }
}
