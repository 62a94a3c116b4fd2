using DaprSync.Orchestrator.Polling;
using DaprSync.Standalone.Hosting;
using Microsoft.Extensions.Configuration;

namespace DaprSync.Standalone.Tests.Command;

public sealed class SettingsCheckTests
{
    [Fact]
    public void TryDescribeConversion_BinderFailure_NamesKeyAndType()
    {
        var configuration = Configuration(("Pollers:invoice:Overlap", "abc"));
        var exception = Assert.Throws<InvalidOperationException>(
            () => configuration.GetSection("Pollers:invoice").Get<PollerOptions>());

        var described = SettingsCheck.TryDescribeConversion(exception, out var message);

        Assert.True(described);
        Assert.Equal("Pollers:invoice:Overlap: 'abc' is not a valid TimeSpan.", message);
    }

    [Fact]
    public void TryDescribeConversion_OtherException_ReturnsFalse()
    {
        var described = SettingsCheck.TryDescribeConversion(new InvalidOperationException("Sequence is empty."), out _);

        Assert.False(described);
    }

    [Theory]
    [InlineData("Runtime:Mode", "Bogus", "Runtime:Mode: 'Bogus' is invalid, expected one of InProcess, Dapr.")]
    [InlineData("Logging:MinimumLevel", "Loud", "Logging:MinimumLevel: 'Loud' is invalid, expected one of Verbose,")]
    [InlineData("Logging:Format", "xml", "Logging:Format: 'xml' is invalid, expected one of")]
    public void FindErrors_InvalidEnumValue_NamesKey(string key, string value, string expected)
    {
        var errors = SettingsCheck.FindErrors(Configuration((key, value)));

        var error = Assert.Single(errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FindErrors_ValidValues_ReturnsNone()
    {
        var configuration = Configuration(
            ("Runtime:Mode", "dapr"), ("Logging:MinimumLevel", "Debug"), ("Logging:Format", "Json"));

        var errors = SettingsCheck.FindErrors(configuration);

        Assert.Empty(errors);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
