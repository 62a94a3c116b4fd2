using System.Globalization;

namespace DaprSync.Benchmarks.Hosting;

/// <summary>Peak memory of a process, read from Linux's <c>/proc/{pid}/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// Returns the process's peak resident set size (<c>VmHWM</c>, the peak working set) in bytes, or null where
    /// <c>/proc</c> does not exist or the process has exited.
    /// </summary>
    public static long? PeakWorkingSetBytes(int processId)
    {
        var path = $"/proc/{processId}/status";
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null)
            {
                return null;
            }

            // The line reads "VmHWM:   123456 kB".
            var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static double ToMiB(long bytes) => Math.Round(bytes / (1024.0 * 1024), 1);
}
