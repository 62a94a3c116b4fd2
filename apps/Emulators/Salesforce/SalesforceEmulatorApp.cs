using DaprSync.SalesforceEmulator.PubSub;

namespace DaprSync.SalesforceEmulator;

/// <summary>Composition root of the Salesforce emulator, runnable alone or hosted by the sandbox.</summary>
public static class SalesforceEmulatorApp
{
    /// <summary>Registers the emulator's services.</summary>
    public static WebApplicationBuilder AddSalesforceEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPubSubApi();
        return builder;
    }

    /// <summary>Maps the emulator's endpoints.</summary>
    public static WebApplication MapSalesforceEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPubSubApi();
        return app;
    }
}
