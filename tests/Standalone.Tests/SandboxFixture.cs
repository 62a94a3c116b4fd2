using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime.InProcess;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// Both emulators and the three apps on the in-process runtime, as the sandbox runs them, with
/// hooks to restart the host on the same SQLite file while the emulators keep running.
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"daprsync-test-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private bool _hostRunning;

    private SandboxFixture(SandboxEmulators emulators, IReadOnlyDictionary<string, string?> extraSettings)
    {
        Emulators = emulators;
        _extraSettings = extraSettings;
        Directory.CreateDirectory(_directory);
    }

    public SandboxEmulators Emulators { get; }

    public StandaloneHost Host { get; private set; } = null!;

    public SalesforceRecords SalesforceRecords => Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();

    public NetSuiteRecords NetSuiteRecords => Emulators.NetSuite.Services.GetRequiredService<NetSuiteRecords>();

    public PlatformEventBus PlatformEvents => Emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();

    public SyncOutcomeStore Outcomes => Host.App(AppIds.Orchestrator).Services.GetRequiredService<SyncOutcomeStore>();

    public static async Task<SandboxFixture> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureEach = null)
    {
        var emulators = await SandboxEmulators.StartAsync(new ConfigurationBuilder().Build());
        var fixture = new SandboxFixture(emulators, settings ?? new Dictionary<string, string?>());
        await fixture.StartHostAsync(configureEach);
        return fixture;
    }

    /// <summary>Starts the host (again) on the fixture's SQLite file and waits for the Account subscription.</summary>
    public async Task StartHostAsync(Action<WebApplicationBuilder>? configureEach = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Emulators.AppSettings())
            .AddInMemoryCollection(_extraSettings)
            .Build();
        var subscribersBefore = PlatformEvents.GetSubscriberCount("/event/AccountsEvent__e");
        Host = await StandaloneHost.StartAsync(
            configuration,
            Path.Combine(_directory, "daprsync.db"),
            configureEach,
            new InProcessBusOptions
            {
                InitialBackoff = TimeSpan.FromMilliseconds(50),
                MaxBackoff = TimeSpan.FromMilliseconds(500),
                PollInterval = TimeSpan.FromMilliseconds(20),
            });
        _hostRunning = true;
        await WaitUntilAsync(
            () => PlatformEvents.GetSubscriberCount("/event/AccountsEvent__e") > subscribersBefore,
            TimeSpan.FromSeconds(20));
    }

    /// <summary>Stops the three apps and the bus; the emulators and the SQLite file stay.</summary>
    public async Task StopHostAsync()
    {
        _hostRunning = false;
        await Host.DisposeAsync();
        await WaitUntilAsync(() => PlatformEvents.GetSubscriberCount("/event/AccountsEvent__e") == 0, TimeSpan.FromSeconds(20));
    }

    public Task<SalesforceLoader> SignInAsLoaderAsync() =>
        SalesforceLoader.SignInAsync(Emulators.SalesforceRestAddress, TestContext.Current.CancellationToken);

    /// <summary>Waits until the customer flow has recorded <paramref name="count"/> outcomes matching a condition.</summary>
    public async Task<IReadOnlyList<SyncOutcome>> WaitForOutcomesAsync(
        Func<IReadOnlyList<SyncOutcome>, bool> done,
        TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var outcomes = await Outcomes.ListAsync("customer", TestContext.Current.CancellationToken);
            if (done(outcomes) || DateTime.UtcNow > limit)
            {
                return outcomes;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var limit = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hostRunning)
        {
            await Host.DisposeAsync();
        }

        await Emulators.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown only leaves a temp folder behind.
        }
    }
}
