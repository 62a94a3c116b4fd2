using System.Text.RegularExpressions;
using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Tests.Command;

[Collection(StaticLoggerCollection.Name)]
public sealed partial class SandboxDataDirectoryTests
{
    [Fact]
    public async Task Sandbox_EverythingSynced_RemovesDataDirectory()
    {
        using var stop = new StopSignal();
        var previousLogger = Serilog.Log.Logger;
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode;
        try
        {
            exitCode = await StandaloneCommand.RunAsync(["sandbox", "--timeout", "60"], stop, output, error)
                .WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        }
        finally
        {
            Serilog.Log.Logger = previousLogger;
        }

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("result: every expected record synced", text, StringComparison.Ordinal);
        var announced = DataDirectoryLine().Match(text);
        Assert.True(announced.Success, text);
        Assert.False(Directory.Exists(announced.Groups[1].Value), $"{announced.Groups[1].Value} is still there");
        Assert.Equal("", error.ToString());
    }

    [GeneratedRegex(@"data directory (\S+)")]
    private static partial Regex DataDirectoryLine();
}
