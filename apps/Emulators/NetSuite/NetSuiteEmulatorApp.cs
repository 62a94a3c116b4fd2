namespace DaprSync.NetSuiteEmulator;

/// <summary>Composition root of the NetSuite emulator, runnable alone or hosted by the sandbox.</summary>
public static class NetSuiteEmulatorApp
{
    /// <summary>Registers the emulator's services.</summary>
    public static WebApplicationBuilder AddNetSuiteEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>Maps the emulator's endpoints.</summary>
    public static WebApplication MapNetSuiteEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
