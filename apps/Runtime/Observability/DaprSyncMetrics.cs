using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DaprSync.Runtime.Observability;

/// <summary>
/// The DaprSync counters and histograms on the meter <c>DaprSync</c>. Every measurement carries the
/// app id as the meter's <c>daprsync.app_id</c> tag, so one collector can tell the three apps apart
/// when they share a process.
/// </summary>
public sealed class DaprSyncMetrics
{
    private readonly Counter<long> _recordsSynced;
    private readonly Counter<long> _recordsFailed;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _workflowDuration;

    public DaprSyncMetrics(IMeterFactory meterFactory, AppIdentity app)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(app);
        // The factory owns and disposes the meter.
        var meter = meterFactory.Create(new MeterOptions(DaprSyncTelemetry.Name)
        {
            Tags = [new KeyValuePair<string, object?>("daprsync.app_id", app.AppId)],
        });
        _recordsSynced = meter.CreateCounter<long>(
            "daprsync.records.synced", "{record}", "Records a flow wrote to the target system.");
        _recordsFailed = meter.CreateCounter<long>(
            "daprsync.records.failed", "{record}", "Records a flow could not sync, by error code.");
        _apiCalls = meter.CreateCounter<long>(
            "daprsync.api.calls", "{call}", "REST and SOAP requests sent to Salesforce or NetSuite, retries included.");
        _retries = meter.CreateCounter<long>(
            "daprsync.retries", "{retry}",
            "Attempts after the first of a request, a workflow activity or a poller step.");
        _workflowDuration = meter.CreateHistogram<double>(
            "daprsync.workflow.duration", "s", "Wall-clock time of one flow run or workflow instance.");
    }

    /// <summary>Counts <paramref name="count"/> records that <paramref name="flow"/> synced.</summary>
    public void RecordSynced(string flow, long count = 1)
    {
        if (count > 0)
        {
            _recordsSynced.Add(count, new KeyValuePair<string, object?>("daprsync.flow", flow));
        }
    }

    /// <summary>Counts records that <paramref name="flow"/> failed to sync, tagged with the error code.</summary>
    public void RecordFailed(string flow, string? errorCode, long count = 1)
    {
        if (count > 0)
        {
            _recordsFailed.Add(
                count,
                new KeyValuePair<string, object?>("daprsync.flow", flow),
                new KeyValuePair<string, object?>("error.type", errorCode ?? "unknown"));
        }
    }

    /// <summary>
    /// Counts one HTTP request to an external system. <paramref name="endpoint"/> must be a route template
    /// or a fixed operation name, never a path with record ids, so the number of series stays bounded.
    /// </summary>
    public void RecordApiCall(string system, string endpoint, int? statusCode)
    {
        var tags = new TagList
        {
            { "daprsync.system", system },
            { "daprsync.endpoint", endpoint },
            { "http.response.status_code", statusCode ?? 0 },
        };
        _apiCalls.Add(1, tags);
    }

    /// <summary>Counts one retry of <paramref name="operation"/> against <paramref name="target"/>.</summary>
    public void RecordRetry(string target, string operation) =>
        _retries.Add(
            1,
            new KeyValuePair<string, object?>("daprsync.target", target),
            new KeyValuePair<string, object?>("daprsync.operation", operation));

    /// <summary>Records how long one run of <paramref name="workflow"/> took and how it ended.</summary>
    public void RecordWorkflowDuration(string workflow, TimeSpan duration, string status) =>
        _workflowDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("daprsync.workflow", workflow),
            new KeyValuePair<string, object?>("daprsync.status", status));
}
