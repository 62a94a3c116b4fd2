using DaprSync.NetSuiteEmulator;
using DaprSync.SalesforceEmulator;
using DaprSync.Standalone.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// Both emulators on loopback, and the settings that point the three apps at them. The Salesforce
/// emulator has two ports, REST over HTTP/1.1 and the Pub/Sub API over HTTP/2, as a real org's
/// instance and the Pub/Sub API host are separate endpoints.
/// </summary>
public sealed class SandboxEmulators : IAsyncDisposable
{
    // The emulators' own sandbox credentials (not secrets): the integration user's connected app
    // and the TBA integration record that the emulators accept by default.
    private const string IntegrationClientId = "daprsync-integration";
    private const string IntegrationClientSecret = "daprsync-integration-secret";
    private const string NetSuiteAccountId = "1234567_SB1";

    private SandboxEmulators(LoopbackHost salesforce, LoopbackHost netSuite)
    {
        Salesforce = salesforce;
        NetSuite = netSuite;
    }

    public LoopbackHost Salesforce { get; }

    public LoopbackHost NetSuite { get; }

    public Uri SalesforceRestAddress => Salesforce.Addresses[0];

    public Uri SalesforcePubSubAddress => Salesforce.Addresses[1];

    public static async Task<SandboxEmulators> StartAsync(
        IConfiguration configuration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var salesforce = await LoopbackHost.StartAsync(
            "salesforce-emulator",
            configuration,
            builder => builder.AddSalesforceEmulator(),
            app => app.MapSalesforceEmulator(),
            [(0, HttpProtocols.Http1), (0, HttpProtocols.Http2)],
            cancellationToken);
        var netSuite = await LoopbackHost.StartAsync(
            "netsuite-emulator",
            configuration,
            builder => builder.AddNetSuiteEmulator(),
            app => app.MapNetSuiteEmulator(),
            cancellationToken: cancellationToken);
        return new SandboxEmulators(salesforce, netSuite);
    }

    /// <summary>Settings that point sf-sapi and ns-sapi at the emulators.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        ["Salesforce:LoginUrl"] = SalesforceRestAddress.ToString(),
        ["Salesforce:ClientId"] = IntegrationClientId,
        ["Salesforce:ClientSecret"] = IntegrationClientSecret,
        ["Salesforce:PubSub:Enabled"] = "true",
        ["Salesforce:PubSub:Endpoint"] = SalesforcePubSubAddress.ToString(),
        ["NetSuite:AccountId"] = NetSuiteAccountId,
        ["NetSuite:ConsumerKey"] = "sandbox-consumer-key",
        ["NetSuite:ConsumerSecret"] = "sandbox-consumer-secret",
        ["NetSuite:TokenId"] = "sandbox-token-id",
        ["NetSuite:TokenSecret"] = "sandbox-token-secret",
        ["NetSuite:RestBaseUrl"] = NetSuite.BaseAddress.ToString(),
        ["NetSuite:Soap:BaseUrl"] = NetSuite.BaseAddress.ToString(),
        ["NetSuite:Payments:ArAccountId"] = "119",
        ["NetSuite:Payments:GlAccountId"] = "122",
    };

    public async ValueTask DisposeAsync()
    {
        using var quiet = HostLogging.SuppressCancellations();
        await NetSuite.DisposeAsync();
        await Salesforce.DisposeAsync();
    }
}
