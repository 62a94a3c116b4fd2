using System.Net.Http.Headers;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Runtime;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>
/// The orchestrator on a real Kestrel server with the admin API enabled. The System APIs, the state store and
/// the bus publisher are fakes of the project's own seams, because the other apps and the runtime do not run.
/// </summary>
internal sealed class OperationsHost : IAsyncDisposable
{
    public const string Token = "test-admin-token-0123456789";

    private OperationsHost(
        LoopbackApp app,
        FakeSalesforceSapi salesforce,
        FakeNetSuiteSapi netSuite,
        RecordingPublisher published,
        FakeTimeProvider time,
        InMemoryStateStore state)
    {
        App = app;
        Salesforce = salesforce;
        NetSuite = netSuite;
        Published = published;
        Time = time;
        State = state;
        Client = new HttpClient { BaseAddress = app.BaseAddress };
        Admin = new HttpClient { BaseAddress = app.BaseAddress };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public LoopbackApp App { get; }

    public FakeSalesforceSapi Salesforce { get; }

    public FakeNetSuiteSapi NetSuite { get; }

    public RecordingPublisher Published { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryStateStore State { get; }

    /// <summary>A client without the admin token.</summary>
    public HttpClient Client { get; }

    /// <summary>A client that sends the admin token as a bearer token.</summary>
    public HttpClient Admin { get; }

    /// <summary>Starts the host; <paramref name="configure"/> adds or replaces services after the fakes.</summary>
    public static async Task<OperationsHost> StartAsync(
        string? token = Token,
        Action<IServiceCollection>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var state = new InMemoryStateStore(time);
        var salesforce = new FakeSalesforceSapi();
        var netSuite = new FakeNetSuiteSapi();
        var publisher = new RecordingPublisher();
        var app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddOrchestrator();
                OrchestratorHarness.ReplaceSeams(builder.Services, salesforce, netSuite, time, state);
                builder.Services.AddSingleton<IEventPublisher>(publisher);
                builder.Services.AddSingleton<ISalesforceLimitsClient>(new FixedLimits());
                builder.Services.AddSingleton<INetSuiteConcurrencyClient>(new FixedLimits());
                configure?.Invoke(builder.Services);
            },
            web => web.MapOrchestrator(),
            settings: new Dictionary<string, string?> { ["Admin:ApiToken"] = token });
        return new OperationsHost(app, salesforce, netSuite, publisher, time, state);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
