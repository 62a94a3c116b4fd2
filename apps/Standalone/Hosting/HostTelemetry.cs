using DaprSync.Runtime.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DaprSync.Standalone.Hosting;

/// <summary>
/// One OpenTelemetry SDK for every app of the standalone host. Activity and meter listeners are
/// process-wide, so the apps register <see cref="ProcessTelemetry"/> instead of an SDK each. The service
/// name defaults to <c>daprsync-standalone</c>, and each metric still carries its app id.
/// </summary>
internal sealed class HostTelemetry : IDisposable
{
    private const string DefaultServiceName = "daprsync-standalone";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private HostTelemetry(TracerProvider tracing, MeterProvider metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Starts the SDK with the OTLP exporter, or returns null when no OTLP endpoint is set.</summary>
    public static HostTelemetry? StartIfConfigured(IConfiguration configuration)
    {
        if (!ObservabilityRegistration.IsOtlpConfigured(configuration))
        {
            return null;
        }

        var resource = ObservabilityRegistration.ConfigureResource(
            ResourceBuilder.CreateDefault(), configuration, DefaultServiceName);
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddDaprSyncTracing()
            .AddOtlpExporter()
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddDaprSyncMetrics()
            .AddOtlpExporter()
            .Build();
        return new HostTelemetry(tracing, metrics);
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }
}
