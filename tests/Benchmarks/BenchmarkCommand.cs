using System.Runtime.InteropServices;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.Benchmarks.Scenarios;
using Serilog;
using Serilog.Events;

namespace DaprSync.Benchmarks;

/// <summary>
/// A scenario's report and the checks it failed. A scenario with failures still writes its report, and the command
/// then exits with 1.
/// </summary>
public sealed record ScenarioOutcome(BenchmarkReport Report, IReadOnlyList<string> Failures)
{
    public static ScenarioOutcome Passed(BenchmarkReport report) => new(report, []);
}

/// <summary>
/// Runs one scenario, prints its progress and figures, and writes the figures as JSON and Markdown. The apps' and
/// emulators' log goes to a file beside them, so the console shows only the scenario's own lines.
/// </summary>
public static class BenchmarkCommand
{
    /// <summary>Exit code of a run stopped by Ctrl+C (128 + SIGINT), as shells report it.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Exit code of a run stopped by SIGTERM (128 + 15), as shells report it.</summary>
    public const int TerminatedExitCode = 143;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (BenchmarkOptions.IsHelp(args))
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        var options = BenchmarkOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("Run with --help for the scenarios and options.");
            return 2;
        }

        // Checked before the run, so that minutes of work are not lost to a path that cannot take the report.
        if (OutputDirectoryError(options.OutputDirectory) is { } outputError)
        {
            Console.Error.WriteLine(outputError);
            return 2;
        }

        foreach (var warning in options.IgnoredOptionWarnings())
        {
            Console.Error.WriteLine(warning);
        }

        // Each run replaces the previous run's logs.
        var logPath = Path.Combine(options.OutputDirectory, $"{options.Scenario}.log");
        File.Delete(logPath);
        Log.Logger = CreateLogger(options, logPath);
        Console.WriteLine($"{options.Scenario}: the apps' and emulators' log is in {logPath}");
        if (options.Scenario is "crash" or "memory")
        {
            var hostLogPath = Path.Combine(options.OutputDirectory, $"{options.Scenario}.host.log");
            ChildHost.WriteOutputTo(hostLogPath);
            Console.WriteLine($"{options.Scenario}: the standalone host runs as a child process; its log is in {hostLogPath}");
        }

        // Ctrl+C and SIGTERM end the run the same way: the scenario is cancelled and every child host is killed.
        using var cancel = new CancellationTokenSource();
        var stoppedBy = InterruptedExitCode;
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stoppedBy = TerminatedExitCode;
            cancel.Cancel();
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildHost.KillAll();

        // Killed at once, not when the scenario unwinds: the emulators wait for a live child's open connections when
        // they stop, which took 30 s (the default host shutdown timeout) in the crash scenario.
        using var killChildren = cancel.Token.Register(ChildHost.KillAll);

        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<ScenarioOutcome>> scenario = options.Scenario switch
        {
            "invoices" => InvoiceScenario.RunAsync,
            "memory" => MemoryScenario.RunAsync,
            "orders" => OrderScenario.RunAsync,
            "faults" => FaultDrillScenario.RunAsync,
            "crash" => CrashDrillScenario.RunAsync,
            "redelivery" => RedeliveryDrillScenario.RunAsync,
            _ => throw new InvalidOperationException($"Scenario '{options.Scenario}' passed parsing but has no runner."),
        };

        try
        {
            var outcome = await scenario(options, Console.Out, cancel.Token);
            var report = outcome.Report with { Command = CommandLine(args), Commit = SourceVersion.Describe() };
            report.Print(Console.Out);
            var (json, markdown) = await report.WriteAsync(options.OutputDirectory, cancel.Token);
            Console.WriteLine($"written {json} and {markdown}");
            if (outcome.Failures.Count == 0)
            {
                return 0;
            }

            foreach (var failure in outcome.Failures)
            {
                Console.Error.WriteLine($"check failed: {failure}");
            }

            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{options.Scenario}: interrupted, so no report was written.");
            return stoppedBy;
        }
        catch (Exception exception)
        {
            // The program's edge: an unexpected failure is one line on the console and the whole trace in the log.
            Log.Fatal(exception, "The {Scenario} scenario failed", options.Scenario);
            Console.Error.WriteLine($"{options.Scenario}: failed with {exception.GetType().Name}: {exception.Message} "
                + $"No report was written; the stack trace is in {logPath}.");
            return 1;
        }
        finally
        {
            ChildHost.KillAll();
            ChildHost.CloseOutput();
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Returns why <paramref name="directory"/> cannot take the report, or null when it can.</summary>
    public static string? OutputDirectoryError(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (File.Exists(directory))
        {
            return $"--out {directory} is a file; give a folder, which is created when missing.";
        }

        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"--out {directory} cannot be written: creating the folder or a file in it failed ({exception.Message}).";
        }
    }

    // The apps log warnings and errors only (retries, rejected records) unless --verbose is given. The log goes to a
    // file, and with --verbose to the console too.
    private static Serilog.ILogger CreateLogger(BenchmarkOptions options, string logPath)
    {
        const string template = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(options.Verbose ? LogEventLevel.Information : LogEventLevel.Warning)
            .WriteTo.File(logPath, outputTemplate: template);
        if (options.Verbose)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: template);
        }

        return configuration.CreateLogger();
    }

    private static string CommandLine(string[] args) =>
        "dotnet run -c Release --project tests/Benchmarks -- " + string.Join(' ', args.Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
