using Dapr.Client;
using DaprSync.Runtime.Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime;

/// <summary>The Dapr side of the seam, as registered when <c>Runtime:Mode</c> is <c>Dapr</c>.</summary>
internal static class DaprRuntimeSide
{
    public static void Add(IServiceCollection services) => services.AddDaprRuntime();

    /// <summary>Dapr's own handler that sends <c>http://{app-id}/</c> requests through the sidecar.</summary>
    public static DelegatingHandler CreateInvocationHandler() => new InvocationHandler();
}
