using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprSync.Standalone.Sandbox;

/// <summary>One record that a flow could not sync, with the reason the orchestrator recorded.</summary>
public sealed record FlowFailure(string RecordId, string? ErrorCode, string? Field, string? Message);

/// <summary>Per-flow counts: records the flow saw, synced and failed.</summary>
public sealed record FlowSummary(string Flow, int Expected, int Seen, int Synced, int Failed, IReadOnlyList<FlowFailure> Failures)
{
    /// <summary>True when every expected record synced and none failed.</summary>
    public bool Complete => Synced == Expected && Failed == 0;
}

/// <summary>API calls that each emulator counted, by endpoint.</summary>
public sealed record ApiCallSummary(string System, long Total, IReadOnlyDictionary<string, long> ByEndpoint);

/// <summary>What a sandbox run did; written by <c>--report</c> as JSON.</summary>
public sealed record SandboxSummary(
    string Input,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    bool Settled,
    IReadOnlyList<FlowSummary> Flows,
    IReadOnlyList<ApiCallSummary> ApiCalls,
    long BusDeliveries,
    long BusRetries,
    long BusDeadLettered)
{
    /// <summary>The poller runs the sandbox triggered, with their windows and watermarks.</summary>
    public IReadOnlyList<DaprSync.Orchestrator.Polling.PollerRunResult> PollerRuns { get; init; } = [];

    private static readonly JsonSerializerOptions ReportOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // The report is a file for people and tools, not HTML, so apostrophes and accents stay readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public bool Success => Settled && Flows.All(flow => flow.Complete);

    public string ToJson() => JsonSerializer.Serialize(this, ReportOptions);

    /// <summary>Writes the summary as the human-readable table the sandbox prints at the end.</summary>
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine($"Sandbox summary ({Input}, {ElapsedSeconds:0.0} s)");
        output.WriteLine($"  {"flow",-12} {"expected",9} {"seen",6} {"synced",7} {"failed",7}");
        foreach (var flow in Flows)
        {
            output.WriteLine($"  {flow.Flow,-12} {flow.Expected,9} {flow.Seen,6} {flow.Synced,7} {flow.Failed,7}");
            foreach (var failure in flow.Failures)
            {
                output.WriteLine($"    failed {failure.RecordId}: {failure.ErrorCode} {failure.Field} {failure.Message}");
            }
        }

        foreach (var run in PollerRuns)
        {
            output.WriteLine(
                $"  {run.Poller} poller run {run.RunId}: {run.Status}, {run.Pages} pages, {run.Read} read, "
                + $"{run.Upserted} upserted in {run.UpsertCalls} calls, {run.Failed} failed, "
                + $"watermark {run.WatermarkBefore:yyyy-MM-dd HH:mm:ss} -> {run.WatermarkAfter:yyyy-MM-dd HH:mm:ss}");
        }

        output.WriteLine("  API calls");
        foreach (var system in ApiCalls)
        {
            output.WriteLine($"    {system.System,-11} {system.Total,6}");
            foreach (var (endpoint, count) in system.ByEndpoint.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine($"      {count,6}  {endpoint}");
            }
        }

        output.WriteLine($"  bus: {BusDeliveries} deliveries, {BusRetries} retries, {BusDeadLettered} dead-lettered");
        output.WriteLine(Success
            ? "  result: every expected record synced"
            : Settled ? "  result: some records did not sync (see failures above)" : "  result: the sync did not settle in time");
    }
}
