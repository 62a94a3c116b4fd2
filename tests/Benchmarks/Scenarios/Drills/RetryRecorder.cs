using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DaprSync.Runtime.Observability;
using DaprSync.Standalone.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios.Drills;

/// <summary>
/// Retries that the apps counted in <c>daprsync.retries</c>, by the metric's target and operation tags. Targets are
/// <c>salesforce</c> and <c>netsuite</c> for requests (SOAP operations start with <c>SOAP </c>), <c>activity</c> for
/// workflow activities and a poller's name for its steps.
/// </summary>
public sealed record RetryCounts(IReadOnlyDictionary<(string Target, string Operation), long> ByOperation)
{
    public long Total => ByOperation.Values.Sum();

    public long SalesforceRequests => Sum(key => key.Target == "salesforce");

    public long NetSuiteSoapRequests => Sum(key => key.Target == "netsuite" && IsSoap(key.Operation));

    public long NetSuiteRestRequests => Sum(key => key.Target == "netsuite" && !IsSoap(key.Operation));

    public long WorkflowActivities => Sum(key => key.Target == "activity");

    public long PollerSteps => Sum(key => key.Target is not ("salesforce" or "netsuite" or "activity"));

    /// <summary>Returns each target and operation with its count, the largest first, such as <c>netsuite SOAP upsert: 12</c>.</summary>
    public string Describe() => ByOperation.Count == 0
        ? "none"
        : string.Join("; ", ByOperation
            .OrderByDescending(entry => entry.Value)
            .ThenBy(entry => entry.Key.Target, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Operation, StringComparer.Ordinal)
            .Select(entry => $"{entry.Key.Target} {entry.Key.Operation}: {entry.Value}"));

    private long Sum(Func<(string Target, string Operation), bool> predicate) =>
        ByOperation.Where(entry => predicate(entry.Key)).Sum(entry => entry.Value);

    private static bool IsSoap(string operation) => operation.StartsWith("SOAP ", StringComparison.Ordinal);
}

/// <summary>
/// Records the <c>daprsync.retries</c> measurements of the three apps of one in-process host. It listens only to the
/// meters that those apps' <see cref="IMeterFactory"/> instances created, so hosts that run beside it in the same
/// process, as tests in parallel do, are left out.
/// </summary>
public sealed class RetryRecorder : IDisposable
{
    private const string Instrument = "daprsync.retries";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Target, string Operation), long> _counts = new();

    public RetryRecorder(StandaloneHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var factories = host.Apps
            .Select(app => (object)app.Services.GetRequiredService<IMeterFactory>())
            .ToHashSet(ReferenceEqualityComparer.Instance);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DaprSyncTelemetry.Name && instrument.Name == Instrument
                && instrument.Meter.Scope is { } scope && factories.Contains(scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? target = null;
            string? operation = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "daprsync.target")
                {
                    target = tag.Value?.ToString();
                }
                else if (tag.Key == "daprsync.operation")
                {
                    operation = tag.Value?.ToString();
                }
            }

            _counts.AddOrUpdate((target ?? "unknown", operation ?? "unknown"), value, (_, count) => count + value);
        });
        _listener.Start();
    }

    /// <summary>Returns the retries counted since the recorder started.</summary>
    public RetryCounts Snapshot() => new(new Dictionary<(string Target, string Operation), long>(_counts));

    public void Dispose() => _listener.Dispose();
}
