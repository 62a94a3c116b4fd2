using System.Text.Json.Nodes;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Scenarios;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Drills.Tests;

/// <summary>
/// The standalone host runs as a child process on a SQLite file, with the emulators in the test process, and is
/// killed with SIGKILL at random points while Account events and an invoice poller run are in flight, then
/// restarted. Every Account must end with exactly one NetSuite Customer and its writeback, every invoice must be in
/// Salesforce once, and the poller must resume from the watermark it stored before the kills.
/// </summary>
public sealed class CrashDrillTests
{
    private const int Accounts = 30;
    private const int FirstInvoices = 100;
    private const int SecondInvoices = 300;
    private const int Kills = 3;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_KilledDuringRun_NothingLostOrDuplicated()
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(
            new Dictionary<string, string?>
            {
                ["NetSuiteEmulator:Faults:LatencyMilliseconds"] = "40",
                ["SalesforceEmulator:Traffic:LatencyMilliseconds"] = "20",
            },
            Token);
        var settings = environment.HostSettings(DrillHostSettings.Crash());
        var invoices = (await InvoiceWorkload.SeedAsync(environment, FirstInvoices, Token)).ToList();

        // First life: subscribe to the events and complete one poller run, which stores the watermark.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var starts = new List<long>();
        var child = await ChildHost.StartAsync(settings, StartTimeout, Token);
        starts.Add(clock.ElapsedMilliseconds);
        await WaitForSubscriberAsync(environment);
        var (firstRun, _) = await InvoiceWorkload.RunPollerAsync(child.Orchestrator, Token);
        Assert.Equal(PollerRunStatus.Completed, firstRun.Status);

        // The work the kills interrupt: Account events from the loader user and a second batch of invoices.
        var accountIds = await CreateAccountsAsLoaderAsync(environment);
        var billing = environment.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        invoices.AddRange(billing.BillInvoices(SecondInvoices, "70000", 42m).Select(invoice => invoice.Id));
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Token);

        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killedAfter = new List<int>();
        for (var kill = 0; kill < Kills; kill++)
        {
            var run = StartPollerRunIgnoringFailures(child.Orchestrator);
            var delay = random.Next(200, 1200);
            killedAfter.Add(delay);
            await Task.Delay(delay, Token);
            await child.KillAsync();
            await run;
            await child.DisposeAsync();
            var restartAt = clock.ElapsedMilliseconds;
            child = await ChildHost.StartAsync(settings, StartTimeout, Token);
            starts.Add(clock.ElapsedMilliseconds - restartAt);
        }

        await using (child)
        {
            var settleAt = clock.ElapsedMilliseconds;
            var writtenBack = await WaitForWritebacksAsync(environment, accountIds, TimeSpan.FromSeconds(30));
            var writebacksMs = clock.ElapsedMilliseconds - settleAt;
            var lastRun = await RunPollerToCompletionAsync(child.Orchestrator, TimeSpan.FromSeconds(30));
            var lastRunMs = clock.ElapsedMilliseconds - settleAt - writebacksMs;
            var check = InvoiceWorkload.Check(environment, invoices);
            var customers = environment.Emulators.NetSuite.Services.GetRequiredService<NetSuiteRecords>().Customers;
            var customersPerAccount = accountIds.ToDictionary(id => id, id => customers.Count(c => c.ExternalId == id));

            DrillReport.Write(
                "crash drill: standalone host killed and restarted",
                ("kills", Kills),
                ("killed after (ms from start of each life)", string.Join(", ", killedAfter)),
                ("random seed", seed),
                ("host start times (ms)", string.Join(", ", starts)),
                ("wait for writebacks after the last restart (ms)", writebacksMs),
                ("last poller run (ms)", lastRunMs),
                ("accounts", Accounts),
                ("accounts written back", writtenBack),
                ("accounts lost (no customer)", customersPerAccount.Count(pair => pair.Value == 0)),
                ("accounts with duplicate customers", customersPerAccount.Count(pair => pair.Value > 1)),
                ("invoices", invoices.Count),
                ("invoices missing", check.Missing),
                ("invoices duplicated", check.Duplicates),
                ("watermark after first run", firstRun.WatermarkAfter.ToString("O")),
                ("watermark before last run", lastRun.WatermarkBefore.ToString("O")),
                ("last run read / skipped as processed / upserted", $"{lastRun.Read} / {lastRun.SkippedAsProcessed} / {lastRun.Upserted}"));

            Assert.All(customersPerAccount, pair => Assert.Equal(1, pair.Value));
            Assert.Equal(Accounts, writtenBack);
            Assert.Equal(0, check.Missing);
            Assert.Equal(0, check.Duplicates);
            Assert.True(lastRun.WatermarkBefore >= firstRun.WatermarkAfter,
                $"The watermark went back from {firstRun.WatermarkAfter:O} to {lastRun.WatermarkBefore:O} across the kills.");
        }
    }

    private static async Task WaitForSubscriberAsync(BenchmarkEnvironment environment)
    {
        var events = environment.Emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (events.GetSubscriberCount("/event/AccountsEvent__e") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The host did not subscribe to AccountsEvent__e within 20 s.");
            await Task.Delay(50, Token);
        }
    }

    /// <summary>Creates Accounts as the loader user, so that each one publishes <c>AccountsEvent__e</c>.</summary>
    private static async Task<IReadOnlyList<string>> CreateAccountsAsLoaderAsync(BenchmarkEnvironment environment)
    {
        using var loader = await SalesforceLoader.SignInAsync(environment.Emulators.SalesforceRestAddress, Token);
        var records = new JsonArray();
        for (var i = 0; i < Accounts; i++)
        {
            records.Add(new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = $"c{i}" },
                ["Name"] = $"Crash Drill Traders {i}",
                ["BillingCountry"] = "France",
            });
        }

        return [.. (await loader.CreateTreeAsync("Account", records, Token)).Values];
    }

    // A run cut short by the kill fails with a connection error; the drill only needs it to be in flight.
    private static async Task StartPollerRunIgnoringFailures(Uri orchestrator)
    {
        try
        {
            await InvoiceWorkload.RunPollerAsync(orchestrator, Token);
        }
        catch (Exception exception) when (DrillChecks.IsCutByKill(exception, Token))
        {
            // Expected when the kill lands during the run.
        }
    }

    private static async Task<int> WaitForWritebacksAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> accountIds, TimeSpan timeout)
    {
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var deadline = DateTime.UtcNow + timeout;
        int writtenBack;
        do
        {
            writtenBack = accountIds.Count(id => records.Get("Account", id)?.GetString("NetSuite_Id__c") is not null);
            if (writtenBack == accountIds.Count)
            {
                break;
            }

            await Task.Delay(100, Token);
        }
        while (DateTime.UtcNow < deadline);

        return writtenBack;
    }

    /// <summary>Runs the poller until a run completes; a run skipped while a killed run's lease lasts is repeated.</summary>
    private static async Task<PollerRunResult> RunPollerToCompletionAsync(Uri orchestrator, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (run, _) = await InvoiceWorkload.RunPollerAsync(orchestrator, Token);
            if (run.Status == PollerRunStatus.Completed || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(250, Token);
        }
    }
}
