using DaprSync.Benchmarks.Reporting;
using DaprSync.Benchmarks.Scenarios;
using Serilog;
using Serilog.Events;

namespace DaprSync.Benchmarks;

/// <summary>Runs one scenario, prints its figures and writes them as JSON and Markdown.</summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
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

        Func<BenchmarkOptions, TextWriter, CancellationToken, Task<BenchmarkReport>>? scenario = options.Scenario switch
        {
            "invoices" => InvoiceScenario.RunAsync,
            "memory" => MemoryScenario.RunAsync,
            "orders" => OrderScenario.RunAsync,
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
            var report = await scenario(options, Console.Out, cancel.Token);
            report.Print(Console.Out);
            var (json, markdown) = await report.WriteAsync(options.OutputDirectory, cancel.Token);
            Console.WriteLine($"written {json} and {markdown}");
            return 0;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
