using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Scenarios;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Faults;
using DaprSync.Orchestrator.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Drills.Tests;

/// <summary>
/// Both emulators fail 10% of calls with a 503, throttle 5% (a 429, or NetSuite's SOAP concurrency fault) and let 2%
/// time out, during an invoice poller run and an order burst. Every invoice must reach Salesforce once, after as
/// many runs as the retries need. Every order must have one Sales Order and its writeback.
/// </summary>
public sealed class FaultDrillTests
{
    private const int Invoices = 400;
    private const int MaxRuns = 8;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvoiceRun_InjectedFaults_EveryInvoiceOnce()
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), Token);
        var host = await environment.StartHostAsync(DrillHostSettings.Faulty(pageSize: 50, batchSize: 25), Token);
        var billed = await InvoiceWorkload.SeedAsync(environment, Invoices, Token);

        // The run makes about ten NetSuite calls, so at these rates (with the 5% of 429s) an estimated one run in
        // six would draw no NetSuite fault. The failed first call makes the check below hold in every run.
        await InjectFaultsAsync(environment, failFirstCall: true);
        using var retries = new RetryRecorder(host);

        var runs = new List<PollerRunResult>();
        InvoiceCheck check;
        do
        {
            var (run, _) = await InvoiceWorkload.RunPollerAsync(host.App(AppIds.Orchestrator).BaseAddress, Token);
            runs.Add(run);
            check = InvoiceWorkload.Check(environment, billed);
        }
        while ((check.Missing > 0 || runs[^1].Status != PollerRunStatus.Completed) && runs.Count < MaxRuns);

        var faults = await FaultInjection.ReadAsync(environment, Token);
        var retried = retries.Snapshot();
        DrillReport.Write(
            "fault drill: invoice run",
            ("invoices", Invoices),
            ("stored", check.Stored),
            ("missing", check.Missing),
            ("duplicates", check.Duplicates),
            ("poller runs", runs.Count),
            ("run statuses", string.Join(", ", runs.Select(run => run.Status))),
            ("NetSuite 503s / hangs / throttled", $"{faults.NetSuiteServerErrors} / {faults.NetSuiteTimeouts} / {faults.NetSuiteThrottled}"),
            ("Salesforce 503s / hangs / 429s", $"{faults.SalesforceServerErrors} / {faults.SalesforceTimeouts} / {faults.SalesforceThrottled}"),
            ("retries", retried.Total),
            ("retries by target and operation", retried.Describe()));

        Assert.Equal(0, check.Missing);
        Assert.Equal(0, check.Duplicates);
        Assert.Equal(Invoices, check.Stored);
        Assert.Equal(PollerRunStatus.Completed, runs[^1].Status);
        Assert.True(faults.NetSuiteTotal > 0, "The NetSuite emulator injected no fault, so the drill proved nothing.");

        // The first NetSuite call failed with a 503, so at least that call was repeated.
        Assert.True(retried.Total > 0, "The apps counted no retry although the first NetSuite call failed.");
    }

    [Fact]
    public async Task OrderBurst_InjectedFaults_EveryOrderOnce()
    {
        const int orders = 20;
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), Token);
        var settings = DrillHostSettings.Faulty(pageSize: 50, batchSize: 25);
        settings["NetSuite:Soap:RequestTimeoutSeconds"] = "1";
        var host = await environment.StartHostAsync(settings, Token);
        var orderIds = await OrderWorkload.SeedAsync(environment, orders, Token);

        // The activations come from the sales user, so the faults start once they are made.
        await OrderWorkload.QueueAsync(environment, orderIds, Token);
        await InjectFaultsAsync(environment);
        using var retries = new RetryRecorder(host);
        // Retries back off for several seconds per activity, so the wait is longer than a fault-free burst needs.
        var writebacks = await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, TimeSpan.FromSeconds(90), Token);
        var check = OrderWorkload.Check(environment, orderIds);
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceEmulator.Records.SalesforceRecords>();
        var markedFailed = orderIds.Count(id => records.Get("Order", id)?.GetString("Sync_Status__c") == "Failed");

        var faults = await FaultInjection.ReadAsync(environment, Token);
        var retried = retries.Snapshot();
        DrillReport.Write(
            "fault drill: order burst",
            ("orders", orders),
            ("written back", writebacks.Count),
            ("Sales Orders", check.SalesOrders),
            ("duplicates", check.Duplicates),
            ("missing", check.Missing),
            ("orders marked Failed", markedFailed),
            ("NetSuite 503s / hangs / throttled", $"{faults.NetSuiteServerErrors} / {faults.NetSuiteTimeouts} / {faults.NetSuiteThrottled}"),
            ("Salesforce 503s / hangs / 429s", $"{faults.SalesforceServerErrors} / {faults.SalesforceTimeouts} / {faults.SalesforceThrottled}"),
            ("retries", retried.Total),
            ("retries by target and operation", retried.Describe()));

        Assert.Equal(orders, writebacks.Count);
        Assert.Equal(0, check.Duplicates);
        Assert.Equal(0, check.Missing);
        Assert.Equal(orders, check.SalesOrders);
    }

    /// <summary>
    /// Turns the faults on once the data is seeded, so that only the apps' calls see them. With
    /// <paramref name="failFirstCall"/> the first NetSuite call also fails with a 503.
    /// </summary>
    private static async Task InjectFaultsAsync(BenchmarkEnvironment environment, bool failFirstCall = false)
    {
        await FaultInjection.InjectAsync(environment, Token);
        if (failFirstCall)
        {
            // Null fields keep the rates just set.
            environment.Emulators.NetSuite.Services.GetRequiredService<FaultInjector>()
                .Apply(new FaultPlan(null, null, null, null, FailNextCount: 1, FailNextStatus: 503, null));
        }
    }
}
