using DaprSync.Contracts;
using DaprSync.Runtime;

namespace DaprSync.Orchestrator;

/// <summary>Composition root of the Orchestrator (Dapr app id <c>orchestrator</c>).</summary>
public static class OrchestratorApp
{
    public const string AppId = AppIds.Orchestrator;

    /// <summary>Registers the app's services and its side of the runtime seam.</summary>
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDaprSyncRuntime(AppId);
        return builder;
    }

    /// <summary>Maps the app's endpoints, the CloudEvents middleware and the Dapr subscribe handler.</summary>
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapDaprSyncHealth();
        return app;
    }
}
