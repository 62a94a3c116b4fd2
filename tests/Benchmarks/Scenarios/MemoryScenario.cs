using System.Globalization;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>
/// The <c>memory</c> scenario: the invoice poller at N = 10,000 and N = 100,000, each in a fresh standalone host
/// process, with the emulators in this process, and the host's peak working set for both. A poller that streams
/// its pages keeps the ratio near 1; the bound is 1.5.
/// </summary>
public static class MemoryScenario
{
    public const double Bound = 1.5;

    public static async Task<ScenarioOutcome> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var small = options.Records ?? 10_000;
        var large = small * 10;

        var first = await MeasureAsync(small, progress, cancellationToken);
        var second = await MeasureAsync(large, progress, cancellationToken);
        var ratio = Math.Round(second.PeakBytes / (double)first.PeakBytes, 3);
        var figures = new List<Figure>
        {
            new($"host peak working set at start", ProcessMemory.ToMiB(first.StartPeakBytes), "MiB", "VmHWM once the three apps listen"),
            new($"host peak working set, N = {small}", ProcessMemory.ToMiB(first.PeakBytes), "MiB", "VmHWM after the run"),
            new($"host peak working set, N = {large}", ProcessMemory.ToMiB(second.PeakBytes), "MiB", "VmHWM after the run"),
            new("peak ratio", ratio, "ratio", $"N = {large} over N = {small}"),
            new("bound", Bound, "ratio"),
            new("within bound", ratio <= Bound ? 1 : 0, "1 = yes"),
            new("growth above the start figure, ratio", Math.Round(
                (second.PeakBytes - second.StartPeakBytes) / (double)Math.Max(1, first.PeakBytes - first.StartPeakBytes), 2),
                "ratio", $"peak minus the peak once the apps listen, N = {large} over N = {small}"),
            new($"wall time, N = {small}", Math.Round(first.Elapsed.TotalSeconds, 1), "s"),
            new($"wall time, N = {large}", Math.Round(second.Elapsed.TotalSeconds, 1), "s"),
            new($"invoices missing or duplicated, N = {large}", second.Check.Missing + second.Check.Duplicates, "records"),
        };
        var settings = new Dictionary<string, string>
        {
            ["host"] = "dotnet DaprSync.Standalone.dll run, a fresh process and SQLite file per N",
            ["emulators"] = "in the benchmark process",
            ["latency"] = $"NetSuite {InvoiceScenario.NetSuiteLatencyMilliseconds} ms, Salesforce {InvoiceScenario.SalesforceLatencyMilliseconds} ms a call",
            ["page size / batch size"] = "1000 / 200",
        };
        var failures = new List<string>();
        if (ratio > Bound)
        {
            failures.Add($"the peak at N = {large} is {ratio} times the one at N = {small}, above the bound of {Bound}");
        }

        foreach (var (n, check) in new[] { (small, first.Check), (large, second.Check) })
        {
            if (check.Missing > 0 || check.Duplicates > 0)
            {
                failures.Add($"N = {n}: {check.Missing} invoices not stored, {check.Duplicates} duplicated");
            }
        }

        var notes = failures.Select(failure => "check failed: " + failure).ToList();
        var report = new BenchmarkReport("memory", startedAt, MachineInfo.Current(), settings, figures, notes);
        return new ScenarioOutcome(report, failures);
    }

    private sealed record MemoryRun(long StartPeakBytes, long PeakBytes, TimeSpan Elapsed, InvoiceCheck Check);

    private static async Task<MemoryRun> MeasureAsync(int invoices, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine($"memory: {invoices} invoices in a fresh host process");
        await using var environment = await BenchmarkEnvironment.StartAsync(InvoiceScenario.EmulatorSettings(), cancellationToken);
        var billed = await InvoiceWorkload.SeedAsync(environment, invoices, cancellationToken);
        var settings = environment.HostSettings(InvoiceScenario.PollerSettings(1000, 200));
        await using var child = await ChildHost.StartAsync(settings, TimeSpan.FromSeconds(60), cancellationToken);
        var startPeak = child.PeakWorkingSetBytes() ?? 0;
        var (run, elapsed) = await InvoiceWorkload.RunPollerAsync(child.Orchestrator, cancellationToken);
        var peak = child.PeakWorkingSetBytes()
            ?? throw new InvalidOperationException($"The host exited before its memory was read. Output:\n{child.RecentOutput}");
        var check = InvoiceWorkload.Check(environment, billed);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {run.Status}: {run.Upserted} upserted in {elapsed.TotalSeconds:0.0} s, host peak {ProcessMemory.ToMiB(peak)} MiB"));
        return new MemoryRun(startPeak, peak, elapsed, check);
    }
}
