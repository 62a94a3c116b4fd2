using DaprSync.Contracts;
using DaprSync.NetSuiteSapi;
using DaprSync.Orchestrator;
using DaprSync.Runtime.InProcess;
using DaprSync.Runtime.Observability;
using DaprSync.SalesforceSapi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DaprSync.Standalone.Hosting;

/// <summary>
/// The three apps in one process on the in-process runtime. Each app is its own ASP.NET Core app on
/// a loopback port, with the same handlers it has under Dapr. The apps share one SQLite outbox and
/// state file, and reach each other by app id through the runtime's app directory.
/// </summary>
public sealed class StandaloneHost : IAsyncDisposable
{
    private readonly List<LoopbackHost> _apps = [];
    private HostTelemetry? _telemetry;

    private StandaloneHost(InProcessRuntime runtime) => Runtime = runtime;

    public InProcessRuntime Runtime { get; }

    public IReadOnlyList<LoopbackHost> Apps => _apps;

    public LoopbackHost App(string appId) => _apps.Single(app => app.Name == appId);

    /// <summary>
    /// Starts sf-sapi, ns-sapi and the orchestrator with <paramref name="configuration"/> (every app
    /// reads the same settings), registers their addresses and starts the bus.
    /// </summary>
    public static async Task<StandaloneHost> StartAsync(
        IConfiguration configuration,
        string sqlitePath,
        Action<WebApplicationBuilder>? configureEach = null,
        InProcessBusOptions? busOptions = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);

        var runtime = new InProcessRuntime(
            sqlitePath,
            loggerFactory: loggerFactory ?? NullLoggerFactory.Instance,
            busOptions: busOptions ?? configuration.GetSection("Runtime:Bus").Get<InProcessBusOptions>());
        var host = new StandaloneHost(runtime) { _telemetry = HostTelemetry.StartIfConfigured(configuration) };
        try
        {
            // The orchestrator starts first so that its subscriptions exist before events arrive. Every app
            // is started even when one has invalid settings, so that one error lists every missing key.
            var invalid = new List<string>();
            await host.StartAppAsync(AppIds.Orchestrator, configuration, b => b.AddOrchestrator(), a => a.MapOrchestrator(), configureEach, invalid, cancellationToken);
            await host.StartAppAsync(AppIds.NetSuiteSapi, configuration, b => b.AddNetSuiteSapi(), a => a.MapNetSuiteSapi(), configureEach, invalid, cancellationToken);
            await host.StartAppAsync(AppIds.SalesforceSapi, configuration, b => b.AddSalesforceSapi(), a => a.MapSalesforceSapi(), configureEach, invalid, cancellationToken);
            if (invalid.Count > 0)
            {
                throw new OptionsValidationException("DaprSync", typeof(StandaloneHost), invalid);
            }

            await runtime.Bus.StartAsync(cancellationToken);
            if (configuration.GetValue("Runtime:Cron:Enabled", defaultValue: true))
            {
                var bindings = configuration.GetSection("Runtime:CronBindings").Get<List<CronBinding>>();
                await runtime.Cron.StartAsync(bindings is { Count: > 0 } ? bindings : CronBinding.Defaults, cancellationToken);
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the cron bindings and the bus, then the apps in start order: the orchestrator, the caller of both
    /// System APIs, stops first so no workflow calls an app that has already stopped. Undelivered messages stay
    /// in the SQLite outbox for the next run.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        using var quiet = HostLogging.SuppressCancellations();
        await Runtime.Cron.StopAsync();
        await Runtime.Bus.StopAsync();
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Runtime.DisposeAsync();
        _telemetry?.Dispose();
    }

    private async Task StartAppAsync(
        string appId,
        IConfiguration configuration,
        Action<WebApplicationBuilder> add,
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configureEach,
        List<string> invalid,
        CancellationToken cancellationToken)
    {
        LoopbackHost app;
        try
        {
            app = await LoopbackHost.StartAsync(
                appId,
                configuration,
                builder =>
                {
                    builder.Services.AddSingleton(Runtime);
                    builder.Services.AddSingleton(new ProcessTelemetry());
                    configureEach?.Invoke(builder);
                    add(builder);
                },
                map,
                cancellationToken: cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            invalid.AddRange(exception.Failures.Select(failure => $"{appId}: {failure}"));
            return;
        }

        Runtime.Apps.Register(appId, app.BaseAddress);
        _apps.Add(app);
    }
}
