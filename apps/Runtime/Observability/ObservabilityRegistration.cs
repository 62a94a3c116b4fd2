using DaprSync.Runtime.Observability.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DaprSync.Runtime.Observability;

/// <summary>Registers tracing, metrics and health checks the same way in every DaprSync app.</summary>
public static class ObservabilityRegistration
{
    /// <summary>Tag of the health checks that <c>/readyz</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Standard OpenTelemetry variable; the OTLP exporter is added only when it is set.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Registers <see cref="DaprSyncMetrics"/>, the runtime readiness check and, when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the OpenTelemetry SDK with the OTLP exporter. The
    /// service name defaults to <paramref name="appId"/> unless <c>OTEL_SERVICE_NAME</c> or
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c> names one. Call it after <c>AddDaprSyncRuntime</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDaprSyncObservability(this IHostApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);

        builder.Services.AddMetrics();
        builder.Services.AddSingleton(services => new DaprSyncMetrics(
            services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new AppIdentity(appId)));
        builder.Services.AddHealthChecks()
            .AddCheck<RuntimeReadinessCheck>("runtime", tags: [ReadyTag]);

        // A host that runs several apps in one process registers one SDK for all of them: activity and
        // meter listeners are process-wide, so one SDK per app would export every span several times.
        var hostOwnsTelemetry = builder.Services.Any(service => service.ServiceType == typeof(ProcessTelemetry));
        if (!hostOwnsTelemetry && IsOtlpConfigured(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => ConfigureResource(resource, builder.Configuration, appId))
                .WithTracing(tracing => AddDaprSyncTracing(tracing))
                .WithMetrics(metrics => AddDaprSyncMetrics(metrics))
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps <c>/readyz</c>, which runs every check tagged <see cref="ReadyTag"/>.</summary>
    public static IEndpointRouteBuilder MapDaprSyncReadiness(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        return endpoints;
    }

    /// <summary>Adds the DaprSync source and the ASP.NET Core and HttpClient instrumentation.</summary>
    public static TracerProviderBuilder AddDaprSyncTracing(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing
            .AddSource(DaprSyncTelemetry.Name)
            .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz"))
            .AddHttpClientInstrumentation();
    }

    /// <summary>Adds the DaprSync meter and the ASP.NET Core and HttpClient metrics.</summary>
    public static MeterProviderBuilder AddDaprSyncMetrics(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .AddMeter(DaprSyncTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
    }

    /// <summary>True when the OTLP endpoint is set in configuration or in the environment.</summary>
    public static bool IsOtlpConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointKey));
    }

    /// <summary>Names the service <paramref name="defaultName"/> unless the standard variables name it.</summary>
    public static ResourceBuilder ConfigureResource(ResourceBuilder resource, IConfiguration configuration, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(configuration);
        var named = !string.IsNullOrWhiteSpace(Setting(configuration, "OTEL_SERVICE_NAME"))
            || (Setting(configuration, "OTEL_RESOURCE_ATTRIBUTES") ?? "").Contains("service.name=", StringComparison.Ordinal);
        return named ? resource : resource.AddService(defaultName);
    }

    private static string? Setting(IConfiguration configuration, string key) =>
        configuration[key] ?? Environment.GetEnvironmentVariable(key);
}

/// <summary>
/// Marker a host registers in each app's services when the host itself runs the OpenTelemetry SDK for
/// every app in its process.
/// </summary>
public sealed class ProcessTelemetry;
