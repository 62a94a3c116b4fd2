using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Hosting;

/// <summary>
/// Both emulators in this process with the scenario's latency, limits and faults, and optionally the three apps
/// on the in-process runtime beside them. Each environment has its own SQLite file in a fresh temporary directory.
/// </summary>
public sealed class BenchmarkEnvironment : IAsyncDisposable
{
    private BenchmarkEnvironment(SandboxEmulators emulators, string dataDirectory)
    {
        Emulators = emulators;
        DataDirectory = dataDirectory;
    }

    public SandboxEmulators Emulators { get; }

    /// <summary>The apps, once <see cref="StartHostAsync"/> has run.</summary>
    public StandaloneHost? Host { get; private set; }

    public string DataDirectory { get; }

    public string SqlitePath => Path.Combine(DataDirectory, "daprsync.db");

    public static async Task<BenchmarkEnvironment> StartAsync(
        IReadOnlyDictionary<string, string?> emulatorSettings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emulatorSettings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulatorSettings).Build();
        var emulators = await SandboxEmulators.StartAsync(configuration, cancellationToken);
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"daprsync-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        return new BenchmarkEnvironment(emulators, dataDirectory);
    }

    /// <summary>
    /// Settings that point the apps at the emulators, use this environment's SQLite file and replace the pollers'
    /// cron bindings with one that fires once a year, so only the scenario starts poller runs.
    /// </summary>
    public Dictionary<string, string?> HostSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Emulators.AppSettings())
        {
            ["Runtime:Mode"] = "InProcess",
            ["Runtime:SqlitePath"] = SqlitePath,
            ["Runtime:CronBindings:0:Name"] = "benchmark-idle",
            ["Runtime:CronBindings:0:Schedule"] = "0 0 0 1 1 *",
            ["Runtime:CronBindings:0:AppId"] = Contracts.AppIds.Orchestrator,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the three apps in this process with <see cref="HostSettings"/> and the overrides.</summary>
    public async Task<StandaloneHost> StartHostAsync(
        IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(HostSettings(overrides)).Build();
        Host = await StandaloneHost.StartAsync(configuration, SqlitePath, cancellationToken: cancellationToken);
        return Host;
    }

    /// <summary>Calls each emulator has counted since it started.</summary>
    public CallCounts Calls() => new(
        Emulators.Salesforce.Services.GetRequiredService<ApiUsage>().Snapshot().Values.Sum(),
        Emulators.NetSuite.Services.GetRequiredService<NetSuiteCallCounter>().Total);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Emulators.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still open by a killed child process is left for the temporary directory's cleanup.
        }
    }
}

/// <summary>Calls counted by the emulators: every Salesforce API call and every NetSuite REST and SOAP call.</summary>
public sealed record CallCounts(long Salesforce, long NetSuite)
{
    public static CallCounts operator -(CallCounts after, CallCounts before) =>
        new(after.Salesforce - before.Salesforce, after.NetSuite - before.NetSuite);
}
