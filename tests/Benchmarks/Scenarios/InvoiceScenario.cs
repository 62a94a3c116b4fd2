using System.Globalization;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.Contracts;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>Figures of one invoice poller run.</summary>
public sealed record InvoiceRunFigures(
    int Invoices, int PageSize, int BatchSize, CallCounts Calls, TimeSpan Elapsed, int Pages, int UpsertCalls,
    InvoiceCheck Check);

/// <summary>
/// The <c>invoices</c> scenario: N modified invoices read from NetSuite and upserted into Salesforce by one poller
/// run, with latency on every call, against a baseline of small pages and one upsert per record.
/// </summary>
public static class InvoiceScenario
{
    public const int NetSuiteLatencyMilliseconds = 100;
    public const int SalesforceLatencyMilliseconds = 80;

    private const int BaselinePageSize = 50;

    public static async Task<ScenarioOutcome> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var n = options.Records ?? 10_000;
        var baselineN = options.BaselineRecords ?? 1_000;

        progress.WriteLine($"invoices: {n} invoices, page size 1000, batch size 200");
        var measured = await MeasureAsync(n, 1000, 200, progress, cancellationToken);
        var peak = ProcessMemory.PeakWorkingSetBytes(Environment.ProcessId) ?? Environment.WorkingSet;
        progress.WriteLine($"invoices: baseline at {baselineN} invoices, page size 50, batch size 1");
        var baseline = await MeasureAsync(baselineN, BaselinePageSize, 1, progress, cancellationToken);

        // The baseline reads ceil(N/50) pages and sends one upsert per record. Its other calls (the deleted-transactions
        // read, and any page or call beyond those counts) happen once per run, so they are carried over unscaled.
        var scale = (double)n / baselineN;
        var baselineOnceNetSuite = baseline.Calls.NetSuite - PagesOf(baselineN);
        var baselineNetSuite = PagesOf(n) + baselineOnceNetSuite;
        var baselineOnceSalesforce = baseline.Calls.Salesforce - baselineN;
        var baselineSalesforce = n + baselineOnceSalesforce;
        var measuredCalls = measured.Calls.NetSuite + measured.Calls.Salesforce;
        var baselineCalls = baselineNetSuite + baselineSalesforce;
        var minimum = Math.Ceiling(n / 1000.0) + Math.Ceiling(n / 200.0);
        var figures = new List<Figure>
        {
            new("invoices", n, "records"),
            new("NetSuite calls", measured.Calls.NetSuite, "calls", "counted by the NetSuite emulator"),
            new("Salesforce calls", measured.Calls.Salesforce, "calls", "counted by the Salesforce emulator during the run (the sign-in happens at start)"),
            new("calls per record", Math.Round(measuredCalls / (double)n, 4), "calls"),
            new("pages read", measured.Pages, "pages"),
            new("upsert calls", measured.UpsertCalls, "calls"),
            new("wall time", Math.Round(measured.Elapsed.TotalSeconds, 2), "s", "poller run, POST to response"),
            new("records per second", Math.Round(n / measured.Elapsed.TotalSeconds, 1), "records/s"),
            new("peak working set", ProcessMemory.ToMiB(peak), "MiB",
                "VmHWM of this process after the run: emulators, apps and the N records in both emulators"),
            new("invoices stored", measured.Check.Stored, "records"),
            new("invoices missing", measured.Check.Missing, "records"),
            new("invoices duplicated", measured.Check.Duplicates, "records"),
            new("baseline invoices measured", baselineN, "records"),
            new("baseline NetSuite calls at N", baselineNetSuite, "calls",
                $"ceil(N/50) pages, plus {baselineOnceNetSuite} more per run as measured at {baselineN}"),
            new("baseline Salesforce calls at N", baselineSalesforce, "calls",
                $"one upsert per record, plus {baselineOnceSalesforce} more per run as measured at {baselineN}"),
            new("baseline wall time at N", Math.Round(baseline.Elapsed.TotalSeconds * scale, 1), "s", "estimate: measured time scaled linearly"),
            new("baseline calls / calls", Math.Round(baselineCalls / (double)measuredCalls, 1), "ratio"),
            new("minimum calls", minimum, "calls", "ceil(N/1000) + ceil(N/200)"),
            new("calls / minimum calls", Math.Round(measuredCalls / minimum, 3), "ratio"),
        };
        var settings = new Dictionary<string, string>
        {
            ["NetSuite latency"] = $"{NetSuiteLatencyMilliseconds} ms a call",
            ["Salesforce latency"] = $"{SalesforceLatencyMilliseconds} ms a call",
            ["NetSuite concurrency limit"] = "5",
            ["page size / batch size"] = "1000 / 200 (baseline 50 / 1)",
            ["customers"] = $"{(n + InvoiceWorkload.InvoicesPerCustomer - 1) / InvoiceWorkload.InvoicesPerCustomer}",
        };
        var notes = new List<string>
        {
            $"baseline measured: {baseline.Calls.NetSuite} NetSuite and {baseline.Calls.Salesforce} Salesforce calls "
            + $"in {baseline.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s for {baselineN} invoices",
        };
        var failures = new List<string>();
        foreach (var (run, check) in new[] { ("measured run", measured.Check), ("baseline run", baseline.Check) })
        {
            if (check.Missing > 0 || check.Duplicates > 0)
            {
                failures.Add($"{run}: {check.Missing} of {check.Expected} invoices not stored, {check.Duplicates} duplicated");
            }
        }

        notes.AddRange(failures.Select(failure => "check failed: " + failure));
        var report = new BenchmarkReport("invoices", startedAt, MachineInfo.Current(), settings, figures, notes);
        return new ScenarioOutcome(report, failures);
    }

    /// <summary>Emulator settings of the invoice scenarios: latency on every call to either system.</summary>
    public static Dictionary<string, string?> EmulatorSettings() => new()
    {
        ["NetSuiteEmulator:Faults:LatencyMilliseconds"] = NetSuiteLatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["SalesforceEmulator:Traffic:LatencyMilliseconds"] = SalesforceLatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Poller settings that set the page size and the Salesforce batch size of the invoice poller.</summary>
    public static Dictionary<string, string?> PollerSettings(int pageSize, int batchSize) => new()
    {
        ["Pollers:invoice:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        ["Pollers:invoice:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<InvoiceRunFigures> MeasureAsync(
        int invoices, int pageSize, int batchSize, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(EmulatorSettings(), cancellationToken);
        var host = await environment.StartHostAsync(PollerSettings(pageSize, batchSize), cancellationToken);
        var billed = await InvoiceWorkload.SeedAsync(environment, invoices, cancellationToken);
        var before = environment.Calls();
        var (run, elapsed) = await InvoiceWorkload.RunPollerAsync(host.App(AppIds.Orchestrator).BaseAddress, cancellationToken);
        var calls = environment.Calls() - before;
        var check = InvoiceWorkload.Check(environment, billed);
        progress.WriteLine(
            $"  {run.Status}: {run.Pages} pages, {run.Upserted} upserted in {run.UpsertCalls} calls, {run.Failed} failed, "
            + $"{calls.NetSuite} NetSuite and {calls.Salesforce} Salesforce calls, {elapsed.TotalSeconds:0.00} s");
        if (check.Missing > 0 || check.Duplicates > 0)
        {
            progress.WriteLine($"  check failed: {check.Missing} missing, {check.Duplicates} duplicated of {check.Expected}");
        }

        return new InvoiceRunFigures(invoices, pageSize, batchSize, calls, elapsed, run.Pages, run.UpsertCalls, check);
    }

    private static long PagesOf(int records) => (long)Math.Ceiling(records / (double)BaselinePageSize);
}
