using DaprSync.Runtime;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceSapi.Auth;
using DaprSync.SalesforceSapi.PubSub;
using DaprSync.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

/// <summary>Starts the emulator's Pub/Sub API on loopback and sf-sapi's subscribers against it.</summary>
internal static class PubSubHarness
{
    public static Task<LoopbackApp> StartEmulatorAsync(
        TimeSpan? keepAliveInterval = null,
        TimeProvider? timeProvider = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SalesforceEmulator:PubSub:KeepAliveInterval"] =
                (keepAliveInterval ?? TimeSpan.FromSeconds(30)).ToString(),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<IAccessTokenValidator, FakeTokenValidator>();
                if (timeProvider is not null)
                {
                    builder.Services.AddSingleton(timeProvider);
                }

                builder.Services.AddSingleton<SalesforceRecords>();
                configure?.Invoke(builder);
                builder.AddPubSubApi();
            },
            app => app.MapPubSubApi(),
            http2Only: true,
            settings);
    }

    public static PlatformEventBus Bus(this LoopbackApp emulator) =>
        emulator.Services.GetRequiredService<PlatformEventBus>();

    public static GrpcChannel CreateChannel(this LoopbackApp emulator) => GrpcChannel.ForAddress(emulator.BaseAddress);

    public static Metadata ValidHeaders() => new()
    {
        { "accesstoken", FakeTokenValidator.ValidToken },
        { "instanceurl", "https://emulator.my.salesforce.com" },
        { "tenantid", FakeTokenValidator.OrgId },
    };

    public static async Task<IHost> StartSubscriberAsync(
        LoopbackApp emulator,
        ISalesforceSession session,
        RecordingEventPublisher publisher,
        InMemoryStateStore stateStore,
        int batchSize = 100,
        TimeProvider? timeProvider = null,
        string? replicaId = null,
        IStateStore? stateStoreView = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:PubSub:Enabled"] = "true",
            ["Salesforce:PubSub:Endpoint"] = emulator.BaseAddress.ToString(),
            ["Salesforce:PubSub:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Salesforce:PubSub:ReconnectMinDelay"] = "00:00:00.050",
            ["Salesforce:PubSub:ReconnectMaxDelay"] = "00:00:00.200",
            ["Salesforce:PubSub:ReplicaId"] = replicaId,
        });
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton<IEventPublisher>(publisher);
        builder.Services.AddSingleton<IStateStore>(stateStoreView ?? stateStore);
        builder.AddPlatformEventSubscribers();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>
    /// Polls <paramref name="condition"/> every 20 ms for up to 10 seconds, moving <paramref name="clock"/>
    /// on by <paramref name="step"/> before each poll so that delays on the fake clock run out.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after 10 s waiting for {what}.");
            }

            clock.Advance(step);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms for up to 10 seconds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after 10 s waiting for {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static string? StoredReplayId(this InMemoryStateStore store, string topicName = AccountsEventHandler.Topic)
    {
        var entry = store.GetAsync<string>(ReplayIdStore.KeyFor(topicName)).Result;
        return entry?.Value;
    }
}
