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

/// <summary>Runs one scenario, prints its figures and writes them as JSON and Markdown.</summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h"])
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

        // The apps log warnings and errors only (retries, rejected records) unless --verbose is given, so a
        // scenario's output stays readable.
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(options.Verbose ? LogEventLevel.Information : LogEventLevel.Warning)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<ScenarioOutcome>>? scenario = options.Scenario switch
        {
            "invoices" => WithoutChecks(InvoiceScenario.RunAsync),
            "memory" => WithoutChecks(MemoryScenario.RunAsync),
            "orders" => WithoutChecks(OrderScenario.RunAsync),
            "faults" => FaultDrillScenario.RunAsync,
            "crash" => CrashDrillScenario.RunAsync,
            "redelivery" => RedeliveryDrillScenario.RunAsync,
            _ => null,
        };
        if (scenario is null)
        {
            Console.Error.WriteLine($"Unknown scenario '{options.Scenario}'.");
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        try
        {
            var outcome = await scenario(options, Console.Out, cancel.Token);
            outcome.Report.Print(Console.Out);
            var (json, markdown) = await outcome.Report.WriteAsync(options.OutputDirectory, cancel.Token);
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
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    // The invoices, orders and memory scenarios report their figures without pass or fail checks.
    private static Func<BenchmarkOptions, TextWriter, CancellationToken, Task<ScenarioOutcome>> WithoutChecks(
        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<BenchmarkReport>> scenario) =>
        async (options, progress, cancellationToken) =>
            ScenarioOutcome.Passed(await scenario(options, progress, cancellationToken));
}
