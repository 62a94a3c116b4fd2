using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DaprSync.Benchmarks.Hosting;

/// <summary>
/// The standalone host's <c>run</c> command as a child process (<c>dotnet DaprSync.Standalone.dll run</c>), with
/// its settings passed as <c>DAPRSYNC__</c> environment variables. Its apps' addresses are read from the
/// "{app} listening on {address}" events that the command logs at start, as plain text or compact JSON. Every
/// child still running is killed by <see cref="KillAll"/>, which the benchmark command calls when a run is cancelled
/// and however it ends.
/// </summary>
public sealed partial class ChildHost : IAsyncDisposable
{
    private const int KeptLines = 200;

    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly Lock LogSync = new();
    private static TextWriter? _log;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, Uri> _apps = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly int _processId;

    private ChildHost(Process process)
    {
        _process = process;
        _processId = process.Id;
    }

    public int ProcessId => _processId;

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
        Live[process.Id] = process;
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
        catch (OperationCanceledException)
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>
    /// Writes every line of every child's output, prefixed with its process id, to <paramref name="path"/>, which is
    /// replaced. Without it the output is only kept for error messages.
    /// </summary>
    public static void WriteOutputTo(string path)
    {
        lock (LogSync)
        {
            _log?.Dispose();
            _log = new StreamWriter(path, append: false) { AutoFlush = true };
        }
    }

    /// <summary>Kills every child that is still running.</summary>
    public static void KillAll()
    {
        foreach (var (id, process) in Live)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // The process exited between the check and the kill.
            }

            Live.TryRemove(id, out _);
        }
    }

    /// <summary>Closes the file that <see cref="WriteOutputTo"/> opened.</summary>
    public static void CloseOutput()
    {
        lock (LogSync)
        {
            _log?.Dispose();
            _log = null;
        }
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
        Live.TryRemove(_processId, out _);
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

        lock (LogSync)
        {
            _log?.WriteLine($"[pid {_processId}] {line}");
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
