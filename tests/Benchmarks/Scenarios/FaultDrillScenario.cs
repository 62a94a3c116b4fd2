using System.Diagnostics;
using System.Globalization;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.Contracts;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>
/// The <c>faults</c> scenario: the CI fault drill at large N. Both emulators fail 10% of calls with 503, 5% with 429
/// and 2% with a hang past the apps' 1 s timeout, during an order burst of N Orders and an invoice poller run of
/// 10 x N invoices. Each part also runs once without faults in a fresh environment, so that the calls the faults
/// added can be counted against the fault-free calls of the same workload.
/// </summary>
public static class FaultDrillScenario
{
    public const int InvoicesPerOrder = 10;
    public const int PageSize = 50;
    public const int BatchSize = 25;
    public const int MaxPollerRuns = 8;

    private sealed record OrderBurst(
        int Orders, int SyncedOnce, int WithoutSalesOrder, int IncompleteWriteback, int Duplicates, int MarkedFailed,
        CallCounts Calls, FaultCounts Faults, ActivationFaults ActivationFaults, RetryCounts Retries, long BusRetries,
        TimeSpan Elapsed);

    private sealed record InvoiceRuns(
        InvoiceCheck Check, IReadOnlyList<PollerRunResult> Runs, CallCounts Calls, FaultCounts Faults, RetryCounts Retries,
        TimeSpan Elapsed);

    public static async Task<ScenarioOutcome> RunAsync(
        BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var orders = options.Records ?? 1_000;
        var invoices = orders * InvoicesPerOrder;

        progress.WriteLine($"faults: order burst of {orders} without faults");
        var ordersBaseline = await RunOrderBurstAsync(orders, withFaults: false, progress, cancellationToken);
        progress.WriteLine($"faults: order burst of {orders} with faults");
        var ordersFaulty = await RunOrderBurstAsync(orders, withFaults: true, progress, cancellationToken);
        progress.WriteLine($"faults: invoice run of {invoices} without faults");
        var invoicesBaseline = await RunInvoicesAsync(invoices, withFaults: false, progress, cancellationToken);
        progress.WriteLine($"faults: invoice runs of {invoices} with faults");
        var invoicesFaulty = await RunInvoicesAsync(invoices, withFaults: true, progress, cancellationToken);
        clock.Stop();

        var figures = new List<Figure>();
        figures.AddRange(OrderFigures(ordersFaulty, ordersBaseline));
        figures.AddRange(InvoiceFigures(invoicesFaulty, invoicesBaseline));
        figures.Add(new("scenario wall time", Math.Round(clock.Elapsed.TotalSeconds, 1), "s",
            "all four runs, seeding included"));

        var failures = new List<string>();
        CheckOrders(ordersFaulty, "with faults", failures);
        CheckOrders(ordersBaseline, "without faults", failures);
        CheckInvoices(invoicesFaulty, "with faults", failures);
        CheckInvoices(invoicesBaseline, "without faults", failures);
        if (ordersFaulty.Faults.Total - ordersFaulty.ActivationFaults.Total <= 0)
        {
            failures.Add($"the emulators injected no fault into the apps' calls of the order burst of {orders}, so it "
                + "proved nothing; give a larger --n");
        }

        if (invoicesFaulty.Faults.Total <= 0)
        {
            failures.Add($"the emulators injected no fault into the invoice runs over {invoices} invoices, so they "
                + "proved nothing; give a larger --n");
        }

        var settings = new Dictionary<string, string>
        {
            ["faults, both emulators"] = "10% 503, 5% throttled (429; WS_REQUEST_BLOCKED on NetSuite SOAP), 2% hang of 3 s",
            ["app request timeouts"] = "1 s (Salesforce, NetSuite REST and SOAP)",
            ["latency"] = "none",
            ["NetSuite concurrency limit"] = "5 (emulator default)",
            ["orders"] = $"{orders}, 1 to 5 lines, all activated at once (16 in flight)",
            ["invoices"] = $"{invoices} ({InvoicesPerOrder} x N), page size {PageSize}, batch size {BatchSize}, up to {MaxPollerRuns} poller runs",
            ["retry settings"] = "order workflow 12 attempts (0.2 s to 2 s), bus 20 attempts (50 ms to 0.5 s), poller 6 attempts from 50 ms",
        };
        var notes = new List<string>
        {
            "An order counts as synced when NetSuite holds exactly one Sales Order with its id as external id and the "
            + "Order carries NetSuite_Order_Id__c, NetSuite_Order_Number__c and Sync_Status__c = Synced.",
            "Calls are the emulators' own counts. The Salesforce emulator and NetSuite's REST endpoints count a call "
            + "only when it passed the fault injection, so there the calls over the fault-free run are repeated calls "
            + "that reached an endpoint, and each injected fault is one more failed attempt. NetSuite's SOAP port "
            + "counts a call before its 503 or hang is drawn, so such a SOAP call is in both figures. A throttled "
            + "call of either kind is rejected before it is counted.",
            "Retries are the apps' own daprsync.retries counts: requests repeated by the System APIs' clients, "
            + "workflow activities repeated by the order workflow, and poller steps repeated inside a run. ns-sapi "
            + "repeats NetSuite REST calls, SOAP calls rejected for the concurrency limit and failed getList reads "
            + "itself. A SOAP upsert that fails with a 503 or a hang, and every failed Salesforce call, fails its "
            + "activity or poller step instead, which is then repeated.",
            "Order burst retries by target and operation: " + ordersFaulty.Retries.Describe() + ".",
            "Invoice run retries by target and operation: " + invoicesFaulty.Retries.Describe() + ".",
            $"The benchmark's own activations (one PATCH per Order as the sales user, retried on a fault) drew these "
            + $"faults from the Salesforce emulator: 503s {ordersFaulty.ActivationFaults.ServerErrors}, 429s "
            + $"{ordersFaulty.ActivationFaults.Throttled}, hangs {ordersFaulty.ActivationFaults.Timeouts}. The Salesforce "
            + "figures of the apps exclude them, and all Salesforce call counts exclude the activations.",
            "Poller run statuses with faults: " + string.Join(", ", invoicesFaulty.Runs.Select(run => run.Status)),
        };
        notes.AddRange(failures.Select(failure => "check failed: " + failure));
        var report = new BenchmarkReport("faults", startedAt, MachineInfo.Current(), settings, figures, notes);
        return new ScenarioOutcome(report, failures);
    }

    private static async Task<OrderBurst> RunOrderBurstAsync(
        int orders, bool withFaults, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(FaultInjection.EmulatorSettings(), cancellationToken);
        var host = await environment.StartHostAsync(DrillHostSettings.Faulty(PageSize, BatchSize), cancellationToken);
        var orderIds = await OrderWorkload.SeedAsync(environment, orders, cancellationToken);
        var faultsBefore = await FaultInjection.ReadAsync(environment, cancellationToken);
        var busBefore = await host.Runtime.Bus.GetStatisticsAsync(cancellationToken);
        if (withFaults)
        {
            await FaultInjection.InjectAsync(environment, cancellationToken);
        }

        var callsBefore = environment.Calls();
        using var retries = new RetryRecorder(host);
        var clock = Stopwatch.StartNew();
        var activation = new FaultTolerantActivation();
        await activation.QueueAsync(environment, orderIds, cancellationToken);

        // Retries back off for up to 2 s per activity, so the wait is far longer than a fault-free burst needs.
        var timeout = TimeSpan.FromSeconds(Math.Max(120, orders * 0.3));
        var writebacks = await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, timeout, cancellationToken);
        var elapsed = clock.Elapsed;
        await host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(30), cancellationToken);

        // The activations are the benchmark's calls, not the apps': one PATCH per Order and one sign-in reached
        // the emulator, and the faulted attempts never reached an endpoint, so they are not in the counts.
        var counted = environment.Calls() - callsBefore;
        var calls = new CallCounts(counted.Salesforce - orders - 1, counted.NetSuite);
        var faults = await FaultInjection.ReadAsync(environment, cancellationToken) - faultsBefore;
        var bus = await host.Runtime.Bus.GetStatisticsAsync(cancellationToken);
        var check = OrderWorkload.Check(environment, orderIds);
        var incomplete = DrillChecks.IncompleteWritebacks(environment, orderIds).Count;
        var result = new OrderBurst(
            orders,
            DrillChecks.SyncedOnce(environment, orderIds),
            check.Missing,
            incomplete,
            check.Duplicates,
            DrillChecks.MarkedFailed(environment, orderIds),
            calls,
            faults,
            activation.Faults,
            retries.Snapshot(),
            bus.Retries - busBefore.Retries,
            elapsed);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {writebacks.Count} of {orders} written back, {result.SyncedOnce} synced once, {check.Duplicates} duplicated, "
            + $"{faults.Total} faults, {result.Retries.Total} retries, {calls.NetSuite} NetSuite and {calls.Salesforce} "
            + $"Salesforce calls, {elapsed.TotalSeconds:0.0} s"));
        return result;
    }

    private static async Task<InvoiceRuns> RunInvoicesAsync(
        int invoices, bool withFaults, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(FaultInjection.EmulatorSettings(), cancellationToken);
        var host = await environment.StartHostAsync(DrillHostSettings.Faulty(PageSize, BatchSize), cancellationToken);
        var billed = await InvoiceWorkload.SeedAsync(environment, invoices, cancellationToken);
        var faultsBefore = await FaultInjection.ReadAsync(environment, cancellationToken);
        if (withFaults)
        {
            await FaultInjection.InjectAsync(environment, cancellationToken);
        }

        var callsBefore = environment.Calls();
        using var retries = new RetryRecorder(host);
        var clock = Stopwatch.StartNew();
        var runs = new List<PollerRunResult>();
        InvoiceCheck check;
        do
        {
            var (run, _) = await InvoiceWorkload.RunPollerAsync(host.App(AppIds.Orchestrator).BaseAddress, cancellationToken);
            runs.Add(run);
            check = InvoiceWorkload.Check(environment, billed);
        }
        while ((check.Missing > 0 || runs[^1].Status != PollerRunStatus.Completed) && runs.Count < MaxPollerRuns);

        var elapsed = clock.Elapsed;
        var calls = environment.Calls() - callsBefore;
        var faults = await FaultInjection.ReadAsync(environment, cancellationToken) - faultsBefore;
        var retried = retries.Snapshot();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {runs.Count} runs ({string.Join(", ", runs.Select(run => run.Status))}), {check.Stored} stored, "
            + $"{check.Missing} missing, {check.Duplicates} duplicated, {faults.Total} faults, {retried.Total} retries, "
            + $"{elapsed.TotalSeconds:0.0} s"));
        return new InvoiceRuns(check, runs, calls, faults, retried, elapsed);
    }

    private static IEnumerable<Figure> OrderFigures(OrderBurst faulty, OrderBurst baseline)
    {
        var appFaults = faulty.Faults;
        var activation = faulty.ActivationFaults;
        return
        [
            new("orders", faulty.Orders, "records"),
            new("orders synced once", faulty.SyncedOnce, "records", "one Sales Order and a complete writeback"),
            new("orders lost: no Sales Order", faulty.WithoutSalesOrder, "records"),
            new("orders lost: no complete writeback", faulty.IncompleteWriteback, "records"),
            new("orders duplicated", faulty.Duplicates, "records", "Sales Orders beyond one per Order"),
            new("orders marked Failed", faulty.MarkedFailed, "records", "Sync_Status__c = Failed at the end"),
            new("orders: NetSuite 503s injected", appFaults.NetSuiteServerErrors, "faults"),
            new("orders: NetSuite hangs injected", appFaults.NetSuiteTimeouts, "faults"),
            new("orders: NetSuite calls throttled", appFaults.NetSuiteThrottled, "faults", "429 on REST, WS_REQUEST_BLOCKED on SOAP"),
            new("orders: Salesforce 503s injected", appFaults.SalesforceServerErrors - activation.ServerErrors, "faults", "the apps' calls"),
            new("orders: Salesforce 429s injected", appFaults.SalesforceThrottled - activation.Throttled, "faults", "the apps' calls"),
            new("orders: Salesforce hangs injected", appFaults.SalesforceTimeouts - activation.Timeouts, "faults", "the apps' calls"),
            new("orders: NetSuite calls", faulty.Calls.NetSuite, "calls", $"fault-free run: {baseline.Calls.NetSuite}"),
            new("orders: NetSuite calls over fault-free run", faulty.Calls.NetSuite - baseline.Calls.NetSuite, "calls"),
            new("orders: Salesforce calls", faulty.Calls.Salesforce, "calls", $"fault-free run: {baseline.Calls.Salesforce}"),
            new("orders: Salesforce calls over fault-free run", faulty.Calls.Salesforce - baseline.Calls.Salesforce, "calls"),
            new("orders: retries of NetSuite SOAP calls", faulty.Retries.NetSuiteSoapRequests, "retries",
                $"by ns-sapi; fault-free run: {baseline.Retries.NetSuiteSoapRequests}"),
            new("orders: retries of NetSuite REST calls", faulty.Retries.NetSuiteRestRequests, "retries",
                $"fault-free run: {baseline.Retries.NetSuiteRestRequests}"),
            new("orders: retries of Salesforce calls", faulty.Retries.SalesforceRequests, "retries",
                $"fault-free run: {baseline.Retries.SalesforceRequests}"),
            new("orders: workflow activity retries", faulty.Retries.WorkflowActivities, "retries",
                $"fault-free run: {baseline.Retries.WorkflowActivities}"),
            new("orders: bus redeliveries", faulty.BusRetries, "deliveries", $"attempts after the first; fault-free run: {baseline.BusRetries}"),
            new("orders: wall time", Math.Round(faulty.Elapsed.TotalSeconds, 1), "s",
                $"start of the activations to the last writeback seen; fault-free run: {baseline.Elapsed.TotalSeconds:0.0} s"),
        ];
    }

    private static IEnumerable<Figure> InvoiceFigures(InvoiceRuns faulty, InvoiceRuns baseline) =>
    [
        new("invoices", faulty.Check.Expected, "records"),
        new("invoices stored", faulty.Check.Stored, "records"),
        new("invoices lost: not stored", faulty.Check.Missing, "records"),
        new("invoices duplicated", faulty.Check.Duplicates, "records"),
        new("invoices: poller runs", faulty.Runs.Count, "runs", "repeated until every invoice is stored and a run completes"),
        new("invoices: records failed in the runs", faulty.Runs.Sum(run => run.Failed), "records", "left for the next run"),
        new("invoices: NetSuite 503s injected", faulty.Faults.NetSuiteServerErrors, "faults"),
        new("invoices: NetSuite hangs injected", faulty.Faults.NetSuiteTimeouts, "faults"),
        new("invoices: NetSuite calls throttled", faulty.Faults.NetSuiteThrottled, "faults"),
        new("invoices: Salesforce 503s injected", faulty.Faults.SalesforceServerErrors, "faults"),
        new("invoices: Salesforce 429s injected", faulty.Faults.SalesforceThrottled, "faults"),
        new("invoices: Salesforce hangs injected", faulty.Faults.SalesforceTimeouts, "faults"),
        new("invoices: NetSuite calls", faulty.Calls.NetSuite, "calls", $"fault-free run: {baseline.Calls.NetSuite}"),
        new("invoices: NetSuite calls over fault-free run", faulty.Calls.NetSuite - baseline.Calls.NetSuite, "calls"),
        new("invoices: Salesforce calls", faulty.Calls.Salesforce, "calls", $"fault-free run: {baseline.Calls.Salesforce}"),
        new("invoices: Salesforce calls over fault-free run", faulty.Calls.Salesforce - baseline.Calls.Salesforce, "calls"),
        new("invoices: retries of NetSuite calls", faulty.Retries.NetSuiteRestRequests + faulty.Retries.NetSuiteSoapRequests,
            "retries", $"fault-free run: {baseline.Retries.NetSuiteRestRequests + baseline.Retries.NetSuiteSoapRequests}"),
        new("invoices: retries of Salesforce calls", faulty.Retries.SalesforceRequests, "retries",
            $"fault-free run: {baseline.Retries.SalesforceRequests}"),
        new("invoices: poller step retries", faulty.Retries.PollerSteps, "retries",
            $"a page read or upsert repeated inside a run; fault-free run: {baseline.Retries.PollerSteps}"),
        new("invoices: wall time", Math.Round(faulty.Elapsed.TotalSeconds, 1), "s",
            $"all poller runs; fault-free run: {baseline.Elapsed.TotalSeconds:0.0} s"),
    ];

    private static void CheckOrders(OrderBurst burst, string run, List<string> failures)
    {
        if (burst.SyncedOnce != burst.Orders)
        {
            failures.Add($"order burst {run}: {burst.SyncedOnce} of {burst.Orders} orders synced once "
                + $"({burst.WithoutSalesOrder} without a Sales Order, {burst.IncompleteWriteback} without a complete "
                + $"writeback, {burst.Duplicates} duplicated)");
        }
    }

    private static void CheckInvoices(InvoiceRuns runs, string run, List<string> failures)
    {
        if (runs.Check.Missing > 0 || runs.Check.Duplicates > 0 || runs.Runs[^1].Status != PollerRunStatus.Completed)
        {
            failures.Add($"invoice runs {run}: {runs.Check.Missing} of {runs.Check.Expected} invoices not stored, "
                + $"{runs.Check.Duplicates} duplicated, last run {runs.Runs[^1].Status}");
        }
    }
}
