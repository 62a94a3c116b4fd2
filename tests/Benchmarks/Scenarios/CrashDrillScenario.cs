using System.Diagnostics;
using System.Globalization;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>
/// The <c>crash</c> scenario: the CI crash drills at large N. The standalone host runs as a child process on a SQLite
/// file, with the emulators in this process. It is killed with SIGKILL several times while an order burst of N
/// Orders and an invoice poller run over 10 x N invoices are in flight, and restarted on the same file. Every
/// Order must end with exactly one Sales Order and a complete writeback, every invoice must be stored once, and the
/// poller must resume from the watermark it stored before the kills.
/// </summary>
public static class CrashDrillScenario
{
    public const int InvoicesPerOrder = 10;
    public const int DefaultKills = 5;
    public const int NetSuiteLatencyMilliseconds = 100;
    public const int SalesforceLatencyMilliseconds = 20;

    /// <summary>Kills inside poller runs, after the kills during the order burst.</summary>
    public const int PollerKills = 2;

    /// <summary>The status of a poller run whose request the kill ended.</summary>
    private const string CutByKill = "cut by the kill";

    /// <summary>The poller page size of <see cref="DrillHostSettings.Crash"/>.</summary>
    private const int PollerPageSize = 50;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longer than the poller lease of <see cref="DrillHostSettings.Crash"/> (2 s).</summary>
    private static readonly TimeSpan PollerLeaseWait = TimeSpan.FromSeconds(2.5);

    /// <summary>One kill: the Sales Order count it waited for, the state at the kill and the time the restart took.</summary>
    private sealed record Kill(int Target, int SalesOrders, int WrittenBack, long AliveMilliseconds, string PollerRun, long RestartMilliseconds);

    public static async Task<ScenarioOutcome> RunAsync(
        BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var orders = options.Records ?? 300;
        var invoiceCount = orders * InvoicesPerOrder;
        var firstInvoices = Math.Max(1, invoiceCount / 10);
        var kills = options.Kills ?? DefaultKills;

        // The latency keeps many workflows and a poller page in flight at each kill.
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuiteEmulator:Faults:LatencyMilliseconds"] = NetSuiteLatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["SalesforceEmulator:Traffic:LatencyMilliseconds"] = SalesforceLatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        var settings = environment.HostSettings(DrillHostSettings.Crash());
        progress.WriteLine($"crash: seeding {orders} orders and {firstInvoices} invoices");
        var orderIds = await OrderWorkload.SeedAsync(environment, orders, cancellationToken);
        var invoices = (await InvoiceWorkload.SeedAsync(environment, firstInvoices, cancellationToken)).ToList();

        // First life: subscribe and complete one poller run, which stores the watermark that the kills must keep.
        var child = await ChildHost.StartAsync(settings, StartTimeout, cancellationToken);
        await DrillChecks.WaitForSubscriberAsync(environment, DrillChecks.OrderTopic, TimeSpan.FromSeconds(30), cancellationToken);
        var (firstRun, _) = await InvoiceWorkload.RunPollerAsync(child.Orchestrator, cancellationToken);
        progress.WriteLine($"crash: first poller run {firstRun.Status}, watermark {firstRun.WatermarkAfter:O}");

        var billing = environment.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var secondBatch = invoiceCount - firstInvoices;

        // The watermark is the highest last-modified time read, in whole seconds, so the start of the second in which
        // the batch is billed is the lowest watermark that covers it.
        var now = DateTimeOffset.UtcNow;
        var billedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        invoices.AddRange(billing.BillInvoices(secondBatch, "70000", 42m).Select(invoice => invoice.Id));
        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken);

        progress.WriteLine($"crash: activating {orders} orders, then {kills} kills");
        var clock = Stopwatch.StartNew();
        await OrderWorkload.QueueAsync(environment, orderIds, cancellationToken);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killLog = new List<Kill>();
        for (var kill = 0; kill < kills; kill++)
        {
            var lifeStarted = clock.ElapsedMilliseconds;
            var run = RunPollerIgnoringKillAsync(child.Orchestrator, cancellationToken);

            // Kill k waits for a Sales Order count in the k-th share of the burst, and at most 30 s.
            var target = random.Next((kill * orders / kills) + 1, Math.Max((kill * orders / kills) + 2, (kill + 1) * orders / kills));
            await DrillChecks.WaitForSalesOrdersAsync(environment, orderIds, target, TimeSpan.FromSeconds(30), cancellationToken);
            var alive = clock.ElapsedMilliseconds - lifeStarted;
            await child.KillAsync();
            var runStatus = await run;
            await child.DisposeAsync();
            var atKill = OrderWorkload.Check(environment, orderIds);
            var restartAt = clock.ElapsedMilliseconds;
            child = await ChildHost.StartAsync(settings, StartTimeout, cancellationToken);
            var restart = clock.ElapsedMilliseconds - restartAt;
            killLog.Add(new Kill(target, atKill.SalesOrders, atKill.WrittenBack, alive, runStatus, restart));
            progress.WriteLine($"  kill {kill + 1}: {atKill.SalesOrders} Sales Orders, {atKill.WrittenBack} written back, "
                + $"poller run {runStatus}, restarted in {restart} ms");
        }

        // Then kills inside poller runs. Each waits until a random share of the invoices still missing from Salesforce
        // is stored, so it lands after some of the run's pages, and the run after it must finish the cut run's window
        // from its checkpoint. A run can complete before its kill, for example one that finishes an older cut window,
        // so up to PollerKills + 3 kills are made to cut PollerKills runs.
        var pollerKillLog = new List<string>();
        var pollerRunsCut = 0;
        var extraInvoices = 0;
        for (var kill = 0; pollerRunsCut < PollerKills && kill < PollerKills + 3; kill++)
        {
            var storedBefore = InvoiceWorkload.Check(environment, invoices).Stored;
            var missing = invoices.Count - storedBefore;

            // At small N the poller runs of the burst's lives store every invoice, so a fresh batch gives the kill
            // several pages to land in.
            if (missing < 4 * PollerPageSize)
            {
                var batch = 8 * PollerPageSize;
                invoices.AddRange(billing.BillInvoices(batch, "70000", 42m).Select(invoice => invoice.Id));
                extraInvoices += batch;
                missing += batch;
                progress.WriteLine($"  poller kill {kill + 1}: {batch} more invoices billed, because {missing - batch} were left");
            }

            // The killed run's lease must expire first, or the new run is skipped.
            await Task.Delay(PollerLeaseWait, cancellationToken);
            var run = RunPollerIgnoringKillAsync(child.Orchestrator, cancellationToken);
            var target = storedBefore + random.Next(missing / 4, missing / 2);
            await WaitForStoredInvoicesAsync(environment, invoices, target, run, cancellationToken);
            await child.KillAsync();
            var runStatus = await run;
            await child.DisposeAsync();
            var storedAtKill = InvoiceWorkload.Check(environment, invoices).Stored;
            child = await ChildHost.StartAsync(settings, StartTimeout, cancellationToken);
            pollerRunsCut += runStatus == CutByKill ? 1 : 0;
            pollerKillLog.Add($"poller kill {kill + 1}: waited for {target} invoices in Salesforce, {storedAtKill} at the kill, "
                + $"poller run {runStatus}");
            progress.WriteLine($"  poller kill {kill + 1}: {storedAtKill} invoices stored, poller run {runStatus}");
        }

        await Task.Delay(PollerLeaseWait, cancellationToken);
        await using (child)
        {
            var timeout = TimeSpan.FromSeconds(Math.Max(60, orders * 0.2));
            var writebacks = await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, timeout, cancellationToken);
            var lastRun = await RunPollerToCompletionAsync(child.Orchestrator, TimeSpan.FromSeconds(Math.Max(60, invoiceCount * 0.02)), cancellationToken);
            clock.Stop();
            progress.WriteLine($"crash: {writebacks.Count} of {orders} written back; last poller run {lastRun.Status}");

            var check = OrderWorkload.Check(environment, orderIds);
            var syncedOnce = DrillChecks.SyncedOnce(environment, orderIds);
            var incomplete = DrillChecks.IncompleteWritebacks(environment, orderIds).Count;
            var invoiceCheck = InvoiceWorkload.Check(environment, invoices);
            var storedOnce = CountStoredOnce(environment, invoices);
            var resumed = lastRun.WatermarkBefore >= firstRun.WatermarkAfter;
            var advanced = lastRun.Status == PollerRunStatus.Completed && lastRun.WatermarkAfter >= billedAt
                && lastRun.WatermarkAfter > firstRun.WatermarkAfter;

            var figures = new List<Figure>
            {
                new("kills", kills, "kills", "SIGKILL of the host process tree during the order burst"),
                new("poller kills", pollerKillLog.Count, "kills", "SIGKILL while a poller run was expected"),
                new("poller runs cut by a kill", pollerRunsCut, "runs", "after some of their pages"),
                new("orders", orders, "records"),
                new("orders synced once", syncedOnce, "records", "one Sales Order and a complete writeback"),
                new("orders duplicated", check.Duplicates, "records", "Sales Orders beyond one per Order"),
                new("orders lost: no Sales Order", check.Missing, "records", "order events lost"),
                new("orders lost: no complete writeback", incomplete, "records"),
                new("invoices", invoices.Count, "records", extraInvoices == 0 ? null
                    : $"{extraInvoices} of them billed before the poller kills, because too few were left"),
                new("invoices stored once", storedOnce, "records"),
                new("invoices lost: not stored", invoiceCheck.Missing, "records"),
                new("invoices duplicated", invoiceCheck.Duplicates, "records", "Invoice__c records beyond one per invoice"),
                new("poller resumed from stored watermark", resumed ? 1 : 0, "1 = yes",
                    "watermark at the start of the last run >= watermark stored before the kills"),
                new("poller watermark advanced past the run", advanced ? 1 : 0, "1 = yes",
                    "last run completed with a watermark later than before the kills and at or after the second batch's billing second"),
                new("last poller run finished a cut run's window", lastRun.ResumedRunId is null ? 0 : 1, "1 = yes",
                    "from the last checkpoint that run stored"),
                new("last poller run: read", lastRun.Read, "records"),
                new("last poller run: skipped as processed", lastRun.SkippedAsProcessed, "records"),
                new("last poller run: upserted", lastRun.Upserted, "records"),
                new("max host restart time", killLog.Count == 0 ? 0 : killLog.Max(k => k.RestartMilliseconds), "ms", "start of the process to all three apps listening"),
                new("wall time", Math.Round(clock.Elapsed.TotalSeconds, 1), "s", "first activation to the last poller run's end"),
            };
            var scenarioSettings = new Dictionary<string, string>
            {
                ["host"] = "dotnet DaprSync.Standalone.dll run as a child process on one SQLite file",
                ["emulators"] = "in the benchmark process",
                ["latency"] = $"NetSuite {NetSuiteLatencyMilliseconds} ms, Salesforce {SalesforceLatencyMilliseconds} ms a call",
                ["orders"] = $"{orders}, 1 to 5 lines, all activated before the first kill",
                ["invoices"] = $"{firstInvoices} synced by a run before the kills, then {secondBatch} more, page size 50, batch size 25",
                ["kill points"] = $"kill k waits for a random Sales Order count in the k-th of {kills} equal shares of the burst",
                ["leases and claims"] = "Pub/Sub lease 1 s, poller lease 2 s, event claims 2 s",
                ["random seed"] = seed.ToString(CultureInfo.InvariantCulture),
            };
            var notes = killLog.Select((k, i) =>
                $"kill {i + 1}: waited for {k.Target} Sales Orders, {k.SalesOrders} in NetSuite and {k.WrittenBack} written back "
                + $"at the kill, {k.AliveMilliseconds} ms after the life's start, poller run {k.PollerRun}, restart {k.RestartMilliseconds} ms").ToList();
            notes.AddRange(pollerKillLog);
            notes.Add("The poller stores its watermark when a run completes, and after each page a checkpoint: the cursor "
                + "before which every record is upserted, with the ids upserted so far. The run after a kill finishes the "
                + "cut run's window from that cursor and skips those ids. Records upserted after the last checkpoint, "
                + "up to about a page, are upserted again.");
            notes.Add($"watermark stored before the kills {firstRun.WatermarkAfter:O}; last run {lastRun.WatermarkBefore:O} -> "
                + $"{lastRun.WatermarkAfter:O}; second batch billed from {billedAt:O}");

            var failures = new List<string>();
            if (syncedOnce != orders)
            {
                failures.Add($"{syncedOnce} of {orders} orders synced once ({check.Missing} without a Sales Order, "
                    + $"{incomplete} without a complete writeback, {check.Duplicates} duplicated)");
            }

            if (storedOnce != invoices.Count)
            {
                failures.Add($"{storedOnce} of {invoices.Count} invoices stored once ({invoiceCheck.Missing} missing, "
                    + $"{invoiceCheck.Duplicates} duplicated)");
            }

            if (!resumed)
            {
                failures.Add($"the watermark went back from {firstRun.WatermarkAfter:O} to {lastRun.WatermarkBefore:O} across the kills");
            }

            var lastPollerKillCut = pollerKillLog.Count > 0 && pollerKillLog[^1].EndsWith(CutByKill, StringComparison.Ordinal);
            if (lastPollerKillCut && lastRun.ResumedRunId is null)
            {
                failures.Add("the run after the last poller kill read the window again instead of finishing it from the "
                    + "cut run's checkpoint");
            }

            if (!advanced)
            {
                failures.Add($"the last poller run ended {lastRun.Status} with watermark {lastRun.WatermarkAfter:O}, "
                    + $"not later than {firstRun.WatermarkAfter:O} and at or after {billedAt:O}");
            }

            if (pollerRunsCut < PollerKills)
            {
                failures.Add($"{pollerRunsCut} of {PollerKills} poller kills cut a run, in {pollerKillLog.Count} tries");
            }

            notes.AddRange(failures.Select(failure => "check failed: " + failure));
            var report = new BenchmarkReport("crash", startedAt, MachineInfo.Current(), scenarioSettings, figures, notes);
            return new ScenarioOutcome(report, failures);
        }
    }

    /// <summary>Waits until <paramref name="target"/> of the invoices are in Salesforce, the run ends, or 60 s pass.</summary>
    private static async Task WaitForStoredInvoicesAsync(
        BenchmarkEnvironment environment, IReadOnlyCollection<string> invoices, int target, Task run,
        CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!run.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(60)
            && InvoiceWorkload.Check(environment, invoices).Stored < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Runs the poller and returns its status, or "cut by the kill" when the kill ended the request.</summary>
    private static async Task<string> RunPollerIgnoringKillAsync(Uri orchestrator, CancellationToken cancellationToken)
    {
        try
        {
            var (run, _) = await InvoiceWorkload.RunPollerAsync(orchestrator, cancellationToken);
            return run.Status.ToString();
        }
        catch (Exception exception) when (DrillChecks.IsCutByKill(exception, cancellationToken))
        {
            return CutByKill;
        }
    }

    /// <summary>Runs the poller until a run completes; a run skipped while a killed run's lease lasts is repeated.</summary>
    private static async Task<PollerRunResult> RunPollerToCompletionAsync(
        Uri orchestrator, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (run, _) = await InvoiceWorkload.RunPollerAsync(orchestrator, cancellationToken);
            if (run.Status == PollerRunStatus.Completed || clock.Elapsed > timeout)
            {
                return run;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static int CountStoredOnce(BenchmarkEnvironment environment, IReadOnlyCollection<string> billed)
    {
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var perInvoice = records.All("Invoice__c")
            .GroupBy(invoice => invoice.GetString("NetSuite_Id__c") ?? "", StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return billed.Count(id => perInvoice.GetValueOrDefault(id) == 1);
    }
}
