using DaprSync.Runtime.InProcess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.Runtime;

/// <summary>Registers one app's side of the runtime seam, in-process or Dapr, from the <c>Runtime</c> settings.</summary>
public static class RuntimeRegistration
{
    /// <summary>
    /// Binds and validates <see cref="RuntimeOptions"/> and registers <see cref="IStateStore"/> and
    /// <see cref="IEventPublisher"/> for <paramref name="appId"/>. In-process, an
    /// <see cref="InProcessRuntime"/> already in the container (the standalone host's) is used;
    /// otherwise one is opened on <c>Runtime:SqlitePath</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDaprSyncRuntime(this IHostApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);

        builder.Services.AddOptions<RuntimeOptions>()
            .Bind(builder.Configuration.GetSection(RuntimeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new AppIdentity(appId));

        if (ModeOf(builder.Configuration) == RuntimeMode.Dapr)
        {
            DaprRuntimeSide.Add(builder.Services);
            return builder;
        }

        builder.Services.TryAddSingleton(services => new InProcessRuntime(
            services.GetRequiredService<IOptions<RuntimeOptions>>().Value.SqlitePath,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => services.GetRequiredService<InProcessRuntime>().StateStoreFor(appId));
        builder.Services.AddSingleton(services => services.GetRequiredService<InProcessRuntime>().PublisherFor(appId));
        return builder;
    }

    /// <summary>
    /// Registers a Refit client of another app, addressed as <c>http://{appId}/</c> the way Dapr
    /// service invocation addresses it: through the sidecar under Dapr, through the in-process app
    /// directory otherwise.
    /// </summary>
    public static IHttpClientBuilder AddAppClient<TClient>(this IHostApplicationBuilder builder, string appId)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);

        var client = builder.Services.AddRefitGeneratedClient<TClient>()
            .ConfigureHttpClient(http => http.BaseAddress = new Uri($"http://{appId}/"));
        return ModeOf(builder.Configuration) == RuntimeMode.Dapr
            ? client.AddHttpMessageHandler(() => DaprRuntimeSide.CreateInvocationHandler())
            : client.AddHttpMessageHandler(services =>
                new AppDirectoryHandler(services.GetRequiredService<InProcessRuntime>().Apps));
    }

    /// <summary>Maps <c>/healthz</c>, which returns healthy without calling either external system.</summary>
    public static IEndpointRouteBuilder MapDaprSyncHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new { status = "Healthy" }));
        return endpoints;
    }

    private static RuntimeMode ModeOf(IConfiguration configuration) =>
        configuration.GetValue($"{RuntimeOptions.SectionName}:{nameof(RuntimeOptions.Mode)}", RuntimeMode.InProcess);
}

/// <summary>The Dapr app id of the app this container belongs to.</summary>
public sealed record AppIdentity(string AppId);
