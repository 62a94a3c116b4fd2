using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Tests.Command;

public sealed class CommandUsageTests
{
    [Fact]
    public async Task RunAsync_NoCommand_UsageOnErrorWith2()
    {
        using var stop = new StopSignal();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await StandaloneCommand.RunAsync([], stop, output, error);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Contains("Usage: dotnet run --project apps/Standalone", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_UsageOnOutputWith0()
    {
        using var stop = new StopSignal();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await StandaloneCommand.RunAsync(["--help"], stop, output, error);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("Usage: dotnet run --project apps/Standalone", output.ToString(), StringComparison.Ordinal);
    }
}
