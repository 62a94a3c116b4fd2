using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprSync.Runtime.Dapr;

/// <summary>Registers the Dapr side of the runtime seam.</summary>
public static class DaprRuntimeServices
{
    /// <summary>
    /// Registers <see cref="DaprClient"/> (sidecar address from <c>DAPR_GRPC_PORT</c> / <c>DAPR_HTTP_PORT</c>,
    /// as the SDK reads them), <see cref="DaprEventPublisher"/> as <see cref="IEventPublisher"/> and
    /// <see cref="DaprStateStore"/> as <see cref="IStateStore"/>. Existing registrations of the two seam
    /// interfaces are kept, so the caller registers exactly one side.
    /// </summary>
    public static IServiceCollection AddDaprRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddDaprClient();
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        services.TryAddSingleton<IStateStore, DaprStateStore>();
        return services;
    }
}
