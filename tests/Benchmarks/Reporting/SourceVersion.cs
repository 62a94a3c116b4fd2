using System.Diagnostics;

namespace DaprSync.Benchmarks.Reporting;

/// <summary>The git commit of the code that ran a scenario, so that a report can be traced to its source.</summary>
public static class SourceVersion
{
    /// <summary>
    /// Returns the short commit id of the checkout this program was built in, with " and uncommitted changes" when
    /// files outside the results folder differ from it or are new, or "unknown" when git or the checkout is missing.
    /// </summary>
    public static string Describe()
    {
        // The build output lies inside the checkout, so git finds the repository from there.
        var directory = AppContext.BaseDirectory;
        var commit = Git(directory, "rev-parse", "--short", "HEAD");
        if (commit is null)
        {
            return "unknown";
        }

        // New files count too, because they can change the build; ignored files (bin, obj, logs) do not.
        var changes = Git(directory, "status", "--porcelain", "--untracked-files=normal", "--", ":/",
            ":(exclude,top)tests/Benchmarks/results");
        return string.IsNullOrEmpty(changes) ? commit : $"{commit} and uncommitted changes";
    }

    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed.
            return null;
        }
    }
}
