using System.Runtime.InteropServices;
using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Tests.Command;

public sealed class StopSignalTests
{
    [Fact]
    public void Request_Sigterm_CancelsAndExits143()
    {
        using var stop = new StopSignal();

        var accepted = stop.Request(PosixSignal.SIGTERM);

        Assert.True(accepted);
        Assert.True(stop.Token.IsCancellationRequested);
        Assert.Equal(PosixSignal.SIGTERM, stop.Received);
        Assert.Equal(143, stop.ExitCode);
    }

    [Fact]
    public void Request_Sigint_Exits130()
    {
        using var stop = new StopSignal();

        stop.Request(PosixSignal.SIGINT);

        Assert.Equal(130, stop.ExitCode);
    }

    [Fact]
    public void Request_SecondSignal_KeepsFirstAndReturnsFalse()
    {
        using var stop = new StopSignal();
        stop.Request(PosixSignal.SIGINT);

        var accepted = stop.Request(PosixSignal.SIGTERM);

        Assert.False(accepted);
        Assert.Equal(PosixSignal.SIGINT, stop.Received);
        Assert.Equal(130, stop.ExitCode);
    }
}
