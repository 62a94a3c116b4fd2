using System.Runtime.InteropServices;

namespace DaprSync.Standalone.Hosting;

/// <summary>
/// The stop request of the standalone command: the first SIGINT (Ctrl+C) or SIGTERM cancels <see cref="Token"/>
/// so the command stops the apps and then the emulators. A second signal is left to the runtime's default
/// handling, which ends the process at once.
/// </summary>
public sealed class StopSignal : IDisposable
{
    /// <summary>Exit code after SIGINT, 128 plus the signal number as shells report it.</summary>
    public const int InterruptExitCode = 130;

    /// <summary>Exit code after SIGTERM, 128 plus the signal number as shells report it.</summary>
    public const int TerminateExitCode = 143;

    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, or null while the command runs.</summary>
    public PosixSignal? Received { get; private set; }

    public int ExitCode => Received == PosixSignal.SIGTERM ? TerminateExitCode : InterruptExitCode;

    /// <summary>Returns a stop signal that handles the process's SIGINT and SIGTERM.</summary>
    public static StopSignal FromProcessSignals()
    {
        var stop = new StopSignal();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            stop._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = stop.Request(context.Signal);
            }));
        }

        return stop;
    }

    /// <summary>
    /// Records <paramref name="signal"/> and cancels <see cref="Token"/>. Returns false when a stop was already
    /// requested, so the caller can let the signal end the process.
    /// </summary>
    public bool Request(PosixSignal signal)
    {
        lock (_cancel)
        {
            if (Received is not null)
            {
                return false;
            }

            Received = signal;
        }

        _cancel.Cancel();
        return true;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }
}
