using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime;

/// <summary>The Dapr side of the seam, as registered when <c>Runtime:Mode</c> is <c>Dapr</c>.</summary>
internal static class DaprRuntimeSide
{
    public static void Add(IServiceCollection services)
    {
        // TODO: register the Dapr publisher and state store once apps/Runtime/Dapr lands.
        ArgumentNullException.ThrowIfNull(services);
    }

    /// <summary>Dapr's own handler that sends <c>http://{app-id}/</c> requests through the sidecar.</summary>
    public static DelegatingHandler CreateInvocationHandler() => new InvocationHandler();
}
