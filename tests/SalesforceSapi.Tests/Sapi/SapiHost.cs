using DaprSync.Contracts.Salesforce;
using DaprSync.TestSupport;
using Refit;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

/// <summary>sf-sapi on loopback, configured against an emulator started beside it.</summary>
public sealed class SapiHost : IAsyncDisposable
{
    private SapiHost(EmulatorHost emulator, LoopbackApp app)
    {
        Emulator = emulator;
        App = app;
        Http = new HttpClient { BaseAddress = app.BaseAddress };
        Client = RestService.For<ISalesforceSapi>(Http);
    }

    public EmulatorHost Emulator { get; }

    public LoopbackApp App { get; }

    public HttpClient Http { get; }

    /// <summary>The Refit contract that the orchestrator uses, pointed at this sf-sapi.</summary>
    public ISalesforceSapi Client { get; }

    public static async Task<SapiHost> StartAsync(
        string clientSecret = EmulatorHost.IntegrationClientSecret,
        string? loginUrl = null,
        IDictionary<string, string?>? extraSettings = null,
        IDictionary<string, string?>? emulatorSettings = null)
    {
        var emulator = await EmulatorHost.StartAsync(settings: emulatorSettings);
        var settings = SettingsFor(loginUrl ?? emulator.BaseAddress.ToString(), clientSecret);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = await LoopbackApp.StartAsync(
            builder => builder.AddSalesforceSapi(),
            app => app.MapSalesforceSapi(),
            settings: settings);
        return new SapiHost(emulator, app);
    }

    public static Dictionary<string, string?> SettingsFor(string loginUrl, string clientSecret) => new()
    {
        ["Salesforce:LoginUrl"] = loginUrl,
        ["Salesforce:ClientId"] = EmulatorHost.IntegrationClientId,
        ["Salesforce:ClientSecret"] = clientSecret,
        ["Salesforce:RequestTimeoutSeconds"] = "5",
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
