using DaprSync.Runtime.Observability.Logging;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace DaprSync.Standalone;

/// <summary>The standalone host's command line: <c>sandbox</c> (emulators and seeded data) or <c>run</c> (real systems).</summary>
public static class StandaloneCommand
{
    private const string Usage = """
        Usage: dotnet run --project apps/Standalone -- <command> [options]

        Commands:
          sandbox   run both emulators and every flow on seeded data, print what synced
                    (sandbox --help lists its options)
          run       run the three apps on the in-process runtime against the Salesforce org and
                    NetSuite account configured in appsettings.json or DAPRSYNC__ environment variables
        """;

    /// <summary>Runs the command in <paramref name="args"/> and stops it on the process's SIGINT or SIGTERM.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var stop = StopSignal.FromProcessSignals();
        return await RunAsync(args, stop, Console.Out, Console.Error);
    }

    /// <summary>
    /// Runs the command in <paramref name="args"/> until it ends or <paramref name="stop"/> is requested. Returns
    /// the process exit code: 0 done, 1 not every record synced, 2 invalid options, settings or input, and
    /// <see cref="StopSignal.ExitCode"/> (130 after SIGINT, 143 after SIGTERM) when stopped by a signal.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, StopSignal stop, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stop);
        var command = args.FirstOrDefault();
        var rest = args.Skip(1).ToList();
        switch (command)
        {
            case "sandbox" when rest.FirstOrDefault() is "--help" or "-h":
                output.WriteLine(SandboxOptions.Usage);
                return 0;
            case "sandbox":
                return await RunSandboxAsync(rest, stop, output, error);
            case "run":
                return await RunHostAsync(stop.Token);
            case null:
                // No command is a usage error, so the text goes to the error stream with exit code 2.
                error.WriteLine(Usage);
                return 2;
            case "--help" or "-h" or "help":
                output.WriteLine(Usage);
                return 0;
            default:
                error.WriteLine($"Unknown command '{command}'.");
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> RunSandboxAsync(
        IReadOnlyList<string> args, StopSignal stop, TextWriter output, TextWriter error)
    {
        var options = SandboxOptions.Parse(args, out var parseError);
        if (options is null)
        {
            error.WriteLine(parseError);
            if (parseError?.StartsWith("Plan", StringComparison.Ordinal) != true)
            {
                error.WriteLine(SandboxOptions.Usage);
            }

            return 2;
        }

        var configuration = LoadConfiguration();
        var invalid = SettingsCheck.FindErrors(configuration);
        if (invalid.Count > 0)
        {
            SettingsCheck.Print(invalid, error);
            return 2;
        }

        if (!string.IsNullOrWhiteSpace(configuration[SettingsCheck.RuntimeModeKey]))
        {
            output.WriteLine($"{SettingsCheck.RuntimeModeKey} is ignored: the sandbox always runs the apps in process.");
        }

        // The sandbox prints its own progress; the apps' logs show warnings and errors only.
        ConfigureLogging(LogEventLevel.Warning, LogFormat.Console);
        var runner = new SandboxRunner(options, output);
        try
        {
            var summary = await runner.RunAsync(configuration, stop.Token);
            if (!summary.Success)
            {
                output.WriteLine($"The run's SQLite file stays in {runner.DataDirectory} for inspection.");
                return 1;
            }

            RemoveDataDirectory(runner.DataDirectory, error);
            return 0;
        }
        catch (OperationCanceledException) when (stop.Received is { } signal)
        {
            // The runner has stopped the apps, then the emulators, while the exception unwound its scopes.
            error.WriteLine($"Sandbox run interrupted by {signal}; unfinished work stays in {runner.DataDirectory}.");
            return stop.ExitCode;
        }
        catch (InvalidPlanException exception)
        {
            error.WriteLine($"Plan is invalid: {exception.Message}");
            return 2;
        }
        catch (InvalidDataException exception)
        {
            // An input the sandbox cannot load: the plan names the file, step or record at fault.
            error.WriteLine($"Import failed: {exception.Message}");
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            SettingsCheck.Print(exception.Failures, error);
            return 2;
        }
        catch (InvalidOperationException exception) when (SettingsCheck.TryDescribeConversion(exception, out var message))
        {
            SettingsCheck.Print([message], error);
            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    // A run that synced everything leaves nothing to inspect, so its temporary folder goes; a failed or interrupted
    // run keeps it.
    private static void RemoveDataDirectory(string? directory, TextWriter error)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Could not remove the sandbox's data directory {directory}: {exception.Message}");
        }
    }

    private static async Task<int> RunHostAsync(CancellationToken cancellationToken)
    {
        ConfigureLogging(LogEventLevel.Information, LogFormat.Json);
        try
        {
            var configuration = LoadConfiguration();
            var sqlitePath = configuration["Runtime:SqlitePath"] ?? "daprsync.db";
            await using var host = await StandaloneHost.StartAsync(
                configuration, sqlitePath, loggerFactory: new SerilogLoggerFactory(), cancellationToken: cancellationToken);
            foreach (var app in host.Apps)
            {
                Log.Information("{AppId} listening on {Address}", app.Name, app.BaseAddress);
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            Log.Information("Stopping the standalone host");
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            SettingsCheck.Print(exception.Failures, Console.Error);
            return 2;
        }
        catch (InvalidOperationException exception) when (SettingsCheck.TryDescribeConversion(exception, out var message))
        {
            SettingsCheck.Print([message], Console.Error);
            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    private static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables("DAPRSYNC__")
        .Build();

    // The sandbox logs readable lines; the run command logs compact JSON unless Logging:Format sets another format.
    private static void ConfigureLogging(LogEventLevel minimum, LogFormat format) =>
        HostLogging.Configure(LoadConfiguration(), format, minimum);
}
