using System.Net;
using DaprSync.Runtime;
using DaprSync.SalesforceEmulator;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;
using DaprSync.SalesforceSapi;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

/// <summary>
/// The whole emulator (REST on one port, the Pub/Sub API on an HTTP/2 port) on a fake clock, and the real
/// sf-sapi app against it with a recording bus and an in-memory state store.
/// </summary>
internal sealed class SweepHarness : IAsyncDisposable
{
    private const string SalesUserId = "005000000000002AAA";

    private SweepHarness(LoopbackApp emulator, FakeTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
        var sessions = emulator.Services.GetRequiredService<SessionStore>();
        IntegrationUser = new RecordAuthor(sessions.UserIdOf("integration@daprsync.example"), IsIntegrationUser: true);
    }

    public LoopbackApp Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public LoopbackApp? Sapi { get; private set; }

    public RecordingEventPublisher Publisher { get; } = new();

    public InMemoryStateStore State { get; } = new();

    /// <summary>The user that sf-sapi's sessions run as, whose changes the triggers skip.</summary>
    public RecordAuthor IntegrationUser { get; }

    public static async Task<SweepHarness> StartEmulatorAsync(FakeTimeProvider clock)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SalesforceEmulator:PubSub:KeepAliveInterval"] = "00:00:01",
        };
        var emulator = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
                    IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
                builder.AddSalesforceEmulator();
            },
            app => app.MapSalesforceEmulator(),
            settings: settings);
        return new SweepHarness(emulator, clock);
    }

    /// <summary>Starts sf-sapi; its Pub/Sub subscribers run only when <paramref name="subscribe"/> is true.</summary>
    public async Task StartSapiAsync(bool subscribe, int queryBatchSize = 2000)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = Emulator.BaseAddress.ToString(),
            ["Salesforce:ClientId"] = "daprsync-integration",
            ["Salesforce:ClientSecret"] = "daprsync-integration-secret",
            ["Salesforce:QueryBatchSize"] = queryBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Salesforce:PubSub:Enabled"] = subscribe ? "true" : "false",
            ["Salesforce:PubSub:Endpoint"] = PubSubAddress().ToString(),
            ["Salesforce:PubSub:ReconnectMinDelay"] = "00:00:00.050",
            ["Salesforce:PubSub:ReconnectMaxDelay"] = "00:00:00.200",
        };
        Sapi = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddSalesforceSapi();
                builder.Services.AddSingleton<IEventPublisher>(Publisher);
                builder.Services.AddSingleton<IStateStore>(State);
            },
            app => app.MapSalesforceSapi(),
            settings: settings);
    }

    /// <summary>Creates a record as a sales user (or the integration user) and returns its id.</summary>
    public string Create(string sObjectType, Dictionary<string, object?> values, bool byIntegrationUser = false)
    {
        var type = SalesforceSchema.Find(sObjectType)!;
        var records = Emulator.Services.GetRequiredService<SalesforceRecords>();
        var id = records.NewId(type);
        Commit(new RecordWrite(type, id, IsCreate: true, values), byIntegrationUser);
        return id;
    }

    public void Update(
        string sObjectType, string id, Dictionary<string, object?> values, bool byIntegrationUser = false)
    {
        var type = SalesforceSchema.Find(sObjectType)!;
        Commit(new RecordWrite(type, id, IsCreate: false, values), byIntegrationUser);
    }

    public SalesforceRecord Get(string sObjectType, string id) =>
        Emulator.Services.GetRequiredService<SalesforceRecords>().Get(sObjectType, id)!;

    /// <summary>Returns the CloudEvent id the sweep gives a record in its current state.</summary>
    public string SweepEventId(string sObjectType, string id) =>
        $"sweep:{id}:{(DateTimeOffset)Get(sObjectType, id)["LastModifiedDate"]!:o}";

    public async ValueTask DisposeAsync()
    {
        if (Sapi is not null)
        {
            await Sapi.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }

    private void Commit(RecordWrite write, bool byIntegrationUser)
    {
        var author = byIntegrationUser ? IntegrationUser : new RecordAuthor(SalesUserId, IsIntegrationUser: false);
        var errors = Emulator.Services.GetRequiredService<SalesforceRecords>().Commit([write], author);
        Assert.Empty(errors);
    }

    private Uri PubSubAddress()
    {
        var addresses = Emulator.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var other = addresses.Select(address => new Uri(address.EndsWith('/') ? address : address + "/"))
            .Single(address => address != Emulator.BaseAddress);
        return other;
    }
}
