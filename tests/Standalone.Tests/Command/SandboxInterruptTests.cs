using System.Runtime.InteropServices;
using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Tests.Command;

[Collection(StaticLoggerCollection.Name)]
public sealed class SandboxInterruptTests
{
    [Fact]
    public async Task Sandbox_SigtermDuringSync_StopsCleanlyWith143()
    {
        using var stop = new StopSignal();
        var previousLogger = Serilog.Log.Logger;

        // The signal arrives while the customers sync, as a user pressing Ctrl+C or a service manager would.
        using var output = new SignalOnLineWriter("customers:", () => stop.Request(PosixSignal.SIGTERM));
        using var error = new StringWriter();

        int exitCode;
        try
        {
            exitCode = await StandaloneCommand.RunAsync(["sandbox", "--timeout", "60"], stop, output, error)
                .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        finally
        {
            Serilog.Log.Logger = previousLogger;
        }

        var errorText = error.ToString();
        Assert.Equal(StopSignal.TerminateExitCode, exitCode);
        Assert.True(output.Signalled, output.ToString());
        Assert.StartsWith("Sandbox run interrupted by SIGTERM; unfinished work stays in ", errorText, StringComparison.Ordinal);
        Assert.Single(errorText.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", errorText, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox summary", output.ToString(), StringComparison.Ordinal);

        var dataDirectory = errorText.Trim()["Sandbox run interrupted by SIGTERM; unfinished work stays in ".Length..^1];
        Assert.True(File.Exists(Path.Combine(dataDirectory, "daprsync.db")), dataDirectory);
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>A writer that runs an action once, when a line containing the marker is written.</summary>
    private sealed class SignalOnLineWriter(string marker, Action signal) : StringWriter
    {
        private int _signalled;

        public bool Signalled => Volatile.Read(ref _signalled) == 1;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true && Interlocked.Exchange(ref _signalled, 1) == 0)
            {
                signal();
            }
        }
    }
}
