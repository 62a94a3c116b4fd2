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

        Options (--name VALUE or --name=VALUE):
          --out DIR          where to write SCENARIO.json, SCENARIO.md and SCENARIO.log, the apps' and emulators'
                             log (default tests/Benchmarks/results)
          --n N              records of the scenario (invoices: 10000, orders: 1000; memory: the smaller N, run
                             again at 10 x N, default 10000; faults and crash: orders, with 10 x N invoices;
                             redelivery: orders and accounts)
          --baseline-n N     invoices of the invoice baseline run (default 1000)
          --kills N          host kills during the order burst of the crash scenario (default 5); 2 kills
                             inside poller runs follow them
          --verbose          log every request of the apps and emulators with its duration (Information level),
                             and copy the log to the console
          --help             print this text
        """;

    /// <summary>The options each scenario reads beyond --out and --verbose; any other option is ignored with a warning.</summary>
    private static readonly Dictionary<string, string[]> ScenarioOptions = new(StringComparer.Ordinal)
    {
        ["invoices"] = ["--n", "--baseline-n"],
        ["orders"] = ["--n"],
        ["memory"] = ["--n"],
        ["faults"] = ["--n"],
        ["crash"] = ["--n", "--kills"],
        ["redelivery"] = ["--n"],
    };

    /// <summary>The scenario names.</summary>
    public static IReadOnlyCollection<string> Scenarios => ScenarioOptions.Keys;

    /// <summary>True when the arguments ask for the usage text.</summary>
    public static bool IsHelp(IReadOnlyList<string> args) =>
        args.Any(arg => arg is "--help" or "-h");

    /// <summary>Returns a warning for each option given that the scenario does not read.</summary>
    public IEnumerable<string> IgnoredOptionWarnings()
    {
        var read = ScenarioOptions.GetValueOrDefault(Scenario, []);
        var supplied = new List<string>();
        if (Records is not null)
        {
            supplied.Add("--n");
        }

        if (BaselineRecords is not null)
        {
            supplied.Add("--baseline-n");
        }

        if (Kills is not null)
        {
            supplied.Add("--kills");
        }

        return supplied.Where(option => !read.Contains(option))
            .Select(option => $"warning: the {Scenario} scenario does not read {option}, so it is ignored.");
    }

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
        if (!ScenarioOptions.ContainsKey(scenario))
        {
            error = $"Unknown scenario '{scenario}': give {string.Join(", ", ScenarioOptions.Keys)}.";
            return null;
        }

        args = SplitAssignments(args);
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
                case "--out" when !string.IsNullOrEmpty(value) && !value.StartsWith("--", StringComparison.Ordinal):
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
                case "--out" or "--n" or "--baseline-n" or "--kills"
                    when string.IsNullOrEmpty(value) || value.StartsWith("--", StringComparison.Ordinal):
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

    // Turns "--n=200" into "--n" and "200", so both forms parse alike.
    private static List<string> SplitAssignments(IReadOnlyList<string> args)
    {
        var split = new List<string>(args.Count);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                split.Add(arg[..equals]);
                split.Add(arg[(equals + 1)..]);
            }
            else
            {
                split.Add(arg);
            }
        }

        return split;
    }

    private static bool TryParseCount(string? value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
