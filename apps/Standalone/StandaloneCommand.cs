using DaprSync.Runtime.Observability.Logging;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using System.Runtime.InteropServices;

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

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // SIGTERM (systemd, Kubernetes, docker stop) stops the host the same way as Ctrl+C.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

        var command = args.FirstOrDefault();
        var rest = args.Skip(1).ToList();
        switch (command)
        {
            case "sandbox" when rest.FirstOrDefault() is "--help" or "-h":
                Console.WriteLine(SandboxOptions.Usage);
                return 0;
            case "sandbox":
                return await RunSandboxAsync(rest, cancel.Token);
            case "run":
                return await RunHostAsync(cancel.Token);
            case null or "--help" or "-h" or "help":
                Console.WriteLine(Usage);
                return command is null ? 2 : 0;
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> RunSandboxAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = SandboxOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            if (error?.StartsWith("Plan", StringComparison.Ordinal) != true)
            {
                Console.Error.WriteLine(SandboxOptions.Usage);
            }

            return 2;
        }

        // The sandbox prints its own progress; the apps' logs show warnings and errors only.
        ConfigureLogging(LogEventLevel.Warning, LogFormat.Console);
        try
        {
            var summary = await new SandboxRunner(options, Console.Out).RunAsync(LoadConfiguration(), cancellationToken);
            return summary.Success ? 0 : 1;
        }
        catch (InvalidDataException exception)
        {
            // An input the sandbox cannot load: the plan names the file, step or record at fault.
            Console.Error.WriteLine($"Import failed: {exception.Message}");
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            Console.Error.WriteLine("Invalid settings (set them in appsettings.json or as DAPRSYNC__Section__Key environment variables):");
            foreach (var failure in exception.Failures)
            {
                Console.Error.WriteLine($"  {failure}");
            }

            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
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
            Console.Error.WriteLine("Invalid settings (set them in appsettings.json or as DAPRSYNC__Section__Key environment variables):");
            foreach (var failure in exception.Failures)
            {
                Console.Error.WriteLine($"  {failure}");
            }

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

    // The sandbox logs readable lines; the run command logs compact JSON unless Logging:Format says otherwise.
    private static void ConfigureLogging(LogEventLevel minimum, LogFormat format) =>
        HostLogging.Configure(LoadConfiguration(), format, minimum);
}
