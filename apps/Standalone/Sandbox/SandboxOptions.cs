namespace DaprSync.Standalone.Sandbox;

/// <summary>Command-line options of <c>sandbox</c>.</summary>
public sealed record SandboxOptions(string? ImportPlan, string? ReportPath, TimeSpan SettleTimeout, bool KeepRunning)
{
    /// <summary>The plan of <see cref="ImportPlan"/>, loaded and checked while the options are parsed.</summary>
    public TreePlan? Plan { get; init; }

    public const string Usage = """
        Usage: dotnet run --project apps/Standalone -- sandbox [options]

        Starts the Salesforce and NetSuite emulators and the three apps on the in-process runtime,
        loads data into the Salesforce emulator, waits until the sync settles and prints a summary.
        Exits 0 when every expected record synced, 1 otherwise, 2 on invalid options, settings or input.

        Options:
          --import PLAN      load an SFDX data-tree plan (sf data export tree --plan format)
                             instead of the built-in seed
          --report FILE      also write the summary as JSON to FILE
          --timeout SECONDS  how long to wait for the sync to settle (default 120)
          --keep-running     leave the host and emulators up after the summary until Ctrl+C
        """;

    /// <summary>Parses the arguments after <c>sandbox</c>; returns null with an error for invalid ones.</summary>
    public static SandboxOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? plan = null, report = null;
        var timeout = TimeSpan.FromSeconds(120);
        var keepRunning = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            // An option's value never starts with "--", so "--import --report x" reports the missing plan.
            string? Next() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (args[i])
            {
                case "--import":
                    plan = Next() ?? Missing("--import", "a plan file", out error);
                    break;
                case "--report":
                    report = Next() ?? Missing("--report", "a file path", out error);
                    break;
                case "--timeout" when int.TryParse(Next(), out var seconds) && seconds > 0:
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--timeout":
                    error = "--timeout needs a positive number of seconds.";
                    break;
                case "--keep-running":
                    keepRunning = true;
                    break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    break;
            }

            if (error is not null)
            {
                return null;
            }
        }

        if (report is not null && Directory.Exists(report))
        {
            error = $"--report {report} is a folder; give a file path such as {Path.Combine(report, "report.json")}.";
            return null;
        }

        var reportFolder = report is null ? null : Path.GetDirectoryName(Path.GetFullPath(report));
        if (reportFolder is not null && !Directory.Exists(reportFolder))
        {
            error = $"--report {report}: the folder {reportFolder} does not exist.";
            return null;
        }

        if (plan is not null && Directory.Exists(plan))
        {
            error = $"--import {plan} is a folder; give the plan file, such as {Path.Combine(plan, "plan.json")}.";
            return null;
        }

        if (plan is not null && !File.Exists(plan))
        {
            error = $"Plan file '{plan}' was not found.";
            return null;
        }

        TreePlan? loaded = null;
        if (plan is not null)
        {
            try
            {
                loaded = TreePlan.Load(plan);
            }
            catch (Exception exception) when (exception is InvalidDataException or InvalidPlanException)
            {
                error = $"Plan is invalid: {exception.Message}";
                return null;
            }
        }

        return new SandboxOptions(plan, report, timeout, keepRunning) { Plan = loaded };
    }

    private static string? Missing(string option, string what, out string error)
    {
        error = $"{option} needs {what}.";
        return null;
    }
}
