using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DaprSync.Benchmarks.Hosting;

/// <summary>
/// The standalone host's <c>run</c> command as a child process (<c>dotnet DaprSync.Standalone.dll run</c>), with
/// its settings passed as <c>DAPRSYNC__</c> environment variables. Its apps' addresses are read from the
/// "{app} listening on {address}" events that the command logs at start, as plain text or compact JSON.
/// </summary>
public sealed partial class ChildHost : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, Uri> _apps = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildHost(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Address of the orchestrator app of the child.</summary>
    public Uri Orchestrator => _apps[Contracts.AppIds.Orchestrator];

    /// <summary>The last lines the child wrote to standard output and standard error.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Path of the standalone host's assembly, copied beside this program by its project reference.</summary>
    public static string StandaloneAssembly => Path.Combine(AppContext.BaseDirectory, "DaprSync.Standalone.dll");

    /// <summary>
    /// Starts the child and waits until all three apps have logged their address. Throws
    /// <see cref="TimeoutException"/> with the child's output when they have not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ChildHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(StandaloneAssembly);
        start.ArgumentList.Add("run");
        foreach (var (key, value) in settings)
        {
            start.Environment["DAPRSYNC__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var child = new ChildHost(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child._started.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            var output = child.RecentOutput;
            await child.DisposeAsync();
            throw new TimeoutException($"The standalone host did not start within {timeout.TotalSeconds:0} s. Output:\n{output}");
        }

        return child;
    }

    /// <summary>Returns the child's peak working set (VmHWM) in bytes, or null when it has exited.</summary>
    public long? PeakWorkingSetBytes() => ProcessMemory.PeakWorkingSetBytes(_process.Id);

    /// <summary>Kills the child with SIGKILL, as a crash or an out-of-memory kill would, and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            // The stream closed: the child exited, so a start still awaited has failed.
            _started.TrySetException(new InvalidOperationException($"The standalone host exited. Output:\n{RecentOutput}"));
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }

        var match = ListeningLine().Match(line);
        if (!match.Success)
        {
            match = ListeningJsonLine().Match(line);
        }

        if (match.Success)
        {
            _apps[match.Groups["app"].Value] = new Uri(match.Groups["address"].Value);
            if (_apps.Count == 3)
            {
                _started.TrySetResult();
            }
        }
    }

    [GeneratedRegex(@"(?<app>[a-z-]+) listening on (?<address>http://\S+)")]
    private static partial Regex ListeningLine();

    // The same event in compact JSON, the run command's default log format.
    [GeneratedRegex(@"listening on.*""AppId"":""(?<app>[a-z-]+)"".*""Address"":""(?<address>http://[^""]+)""")]
    private static partial Regex ListeningJsonLine();
}
