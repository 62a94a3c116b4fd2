using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DaprSync.Runtime;

/// <summary>Registers one app's side of the runtime seam, in-process or Dapr, from the <c>Runtime</c> settings.</summary>
public static class RuntimeRegistration
{
    /// <summary>Binds and validates <see cref="RuntimeOptions"/> and registers the building blocks for <paramref name="appId"/>.</summary>
    public static IHostApplicationBuilder AddDaprSyncRuntime(this IHostApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);

        builder.Services.AddOptions<RuntimeOptions>()
            .Bind(builder.Configuration.GetSection(RuntimeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(new AppIdentity(appId));
        return builder;
    }

    /// <summary>Maps <c>/healthz</c>, answered without touching either external system.</summary>
    public static IEndpointRouteBuilder MapDaprSyncHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new { status = "Healthy" }));
        return endpoints;
    }
}

/// <summary>The Dapr app id of the app this container belongs to.</summary>
public sealed record AppIdentity(string AppId);
