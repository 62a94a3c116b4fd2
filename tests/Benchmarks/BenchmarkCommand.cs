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
            Console.Error.WriteLine(BenchmarkOptions.Usage);
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

        var logPath = Path.Combine(options.OutputDirectory, $"{options.Scenario}.log");
        Log.Logger = CreateLogger(options, logPath);
        Console.WriteLine($"{options.Scenario}: the apps' and emulators' log is in {logPath}");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<ScenarioOutcome>> scenario = options.Scenario switch
        {
            "invoices" => WithoutChecks(InvoiceScenario.RunAsync),
            "memory" => WithoutChecks(MemoryScenario.RunAsync),
            "orders" => WithoutChecks(OrderScenario.RunAsync),
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
            return InterruptedExitCode;
        }
        finally
        {
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
            return $"--out {directory} cannot be written: {exception.Message}";
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

    // The invoices, orders and memory scenarios report their figures without pass or fail checks.
    private static Func<BenchmarkOptions, TextWriter, CancellationToken, Task<ScenarioOutcome>> WithoutChecks(
        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<BenchmarkReport>> scenario) =>
        async (options, progress, cancellationToken) =>
            ScenarioOutcome.Passed(await scenario(options, progress, cancellationToken));
}
