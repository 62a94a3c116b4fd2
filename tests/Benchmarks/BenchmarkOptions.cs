using System.Globalization;

namespace DaprSync.Benchmarks;

/// <summary>Command-line options shared by the scenarios.</summary>
public sealed record BenchmarkOptions(
    string Scenario, string OutputDirectory, int? Records, int? BaselineRecords, bool Verbose = false, int? Kills = null)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- SCENARIO [options]

        Scenarios:
          invoices   N modified invoices (default 10000) polled from NetSuite into Salesforce, NetSuite latency
                     100 ms and Salesforce 80 ms a call, against a baseline of page size 50 and batch size 1
          orders     1000 orders of 1 to 5 lines queued at once, NetSuite SOAP latency 200 ms, limit 5
          memory     the invoices scenario at N = 10000 and N = 100000, each in a fresh standalone host process,
                     reporting the host's peak working set
          faults     both emulators fail 10% of calls with 503, 5% with 429 and 2% with a 3 s hang during a burst
                     of N orders (default 1000) and poller runs over 10 x N invoices, each also run without faults
          crash      the standalone host as a child process on a SQLite file, killed with SIGKILL (default 5 times)
                     and restarted during a burst of N orders (default 300) and a poller run over 10 x N invoices,
                     then killed twice inside poller runs
          redelivery every event of N orders and N accounts (default 1000) delivered three times with the same
                     CloudEvent id

          faults, crash and redelivery write their report, then exit with 1 when a check failed: a record lost or
          duplicated, no fault injected (faults), or a poller watermark that went back or did not advance, or a run
          after a poller kill that did not finish the cut run's window from its checkpoint (crash).

        Options:
          --out DIR          where to write SCENARIO.json and SCENARIO.md (default tests/Benchmarks/results)
          --n N              records of the scenario (invoices: 10000, orders: 1000; faults and crash: orders,
                             with 10 x N invoices; redelivery: orders and accounts)
          --baseline-n N     invoices of the invoice baseline run (default 1000)
          --kills N          host kills during the order burst of the crash scenario (default 5); 2 kills
                             inside poller runs follow them
          --verbose          log every request of the apps and emulators with its duration (Information level)
        """;

    /// <summary>Parses the arguments, or returns null and an error message that names the invalid option.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            error = "Missing scenario: give invoices, orders, memory, faults, crash or redelivery.";
            return null;
        }

        var scenario = args[0];
        var output = Path.Combine("tests", "Benchmarks", "results");
        int? records = null;
        int? baseline = null;
        int? kills = null;
        var verbose = false;
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--verbose":
                    verbose = true;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                case "--n" when TryParseCount(value, out var n):
                    records = n;
                    i++;
                    break;
                case "--baseline-n" when TryParseCount(value, out var n):
                    baseline = n;
                    i++;
                    break;
                case "--kills" when TryParseCount(value, out var n):
                    kills = n;
                    i++;
                    break;
                case "--out" or "--n" or "--baseline-n" or "--kills" when value is null || value.StartsWith("--", StringComparison.Ordinal):
                    error = $"Missing value of {args[i]}.";
                    return null;
                case "--n" or "--baseline-n" or "--kills":
                    error = $"Invalid value '{value}' of {args[i]}: give a whole number from 1 to {int.MaxValue}.";
                    return null;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    return null;
            }
        }

        return new BenchmarkOptions(scenario, Path.GetFullPath(output), records, baseline, verbose, kills);
    }

    private static bool TryParseCount(string? value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
