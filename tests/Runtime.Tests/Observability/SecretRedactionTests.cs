using DaprSync.Runtime.Observability.Logging;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DaprSync.Runtime.Tests.Observability;

public sealed class SecretRedactionTests
{
    private const string ClientSecret = "client-secret-value-1234";
    private const string TokenSecret = "token-secret-value-5678";

    [Theory]
    [InlineData("Salesforce:ClientSecret", true)]
    [InlineData("NetSuite:TokenSecret", true)]
    [InlineData("Smtp:Password", true)]
    [InlineData("AccessToken", true)]
    [InlineData("oauth_signature", true)]
    [InlineData("NetSuite:TokenId", false)]
    [InlineData("Salesforce:ClientId", false)]
    [InlineData("AccountId", false)]
    public void IsSecretName_Name_MatchesCredentials(string name, bool expected) =>
        Assert.Equal(expected, SecretRedactor.IsSecretName(name));

    [Fact]
    public void AddValuesFrom_Configuration_CollectsSecretSettingsOnly()
    {
        var redactor = new SecretRedactor();
        redactor.AddValuesFrom(Configuration());

        Assert.Equal(2, redactor.Count);
        Assert.Equal($"a {SecretRedactor.Mask} b", redactor.Redact($"a {ClientSecret} b"));
        Assert.Equal("id sandbox-token-id", redactor.Redact("id sandbox-token-id"));
    }

    [Fact]
    public void Logger_SecretInTemplate_IsMasked()
    {
        // The template text itself quotes a secret, as a log line built by concatenation would.
        var lines = LogWithRedaction(logger =>
            logger.Information("Signing with " + TokenSecret + " for {Url}", $"http://x/?s={ClientSecret}"));

        var line = Assert.Single(lines);
        Assert.DoesNotContain(TokenSecret, line, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, line, StringComparison.Ordinal);
        Assert.Contains($"Signing with {SecretRedactor.Mask}", line, StringComparison.Ordinal);
        Assert.Contains($"s={SecretRedactor.Mask}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Logger_SecretInException_IsMasked()
    {
        var failure = new InvalidOperationException($"the token request with {ClientSecret} failed");

        var lines = LogWithRedaction(logger => logger.Error(failure, "Token request failed"));

        var line = Assert.Single(lines);
        Assert.DoesNotContain(ClientSecret, line, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", line, StringComparison.Ordinal);
        Assert.Contains($"with {SecretRedactor.Mask} failed", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Logger_SecretPropertyName_IsMasked()
    {
        // These values are not configured, so only the property names can give them away.
        var lines = LogWithRedaction(logger => logger.Information(
            "Signed in {@Session} with {Password}",
            new { OrgId = "00D1", AccessToken = "unconfigured-token-value" },
            "unconfigured-password"));

        var line = Assert.Single(lines);
        Assert.DoesNotContain("unconfigured-token-value", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unconfigured-password", line, StringComparison.Ordinal);
        Assert.Contains("00D1", line, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:ClientSecret"] = ClientSecret,
            ["NetSuite:TokenSecret"] = TokenSecret,
            ["NetSuite:TokenId"] = "sandbox-token-id",
            ["Smtp:Password"] = "",
        })
        .Build();

    private static List<string> LogWithRedaction(Action<ILogger> write)
    {
        var redactor = new SecretRedactor();
        redactor.AddValuesFrom(Configuration());
        var capture = new CaptureSink();
        var configuration = new LoggerConfiguration();
        DaprSyncLogging.Configure(
            configuration,
            new ConfigurationBuilder().Build(),
            LogFormat.Json,
            redactor,
            "test-app",
            addSinks: sinks => sinks.Sink(capture));
        using (var logger = configuration.CreateLogger())
        {
            write(logger);
        }

        return capture.Lines;
    }

    private sealed class CaptureSink : ILogEventSink
    {
        private readonly CompactJsonFormatter _json = new();

        public List<string> Lines { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _json.Format(logEvent, writer);
            writer.Write(logEvent.RenderMessage());
            Lines.Add(writer.ToString());
        }
    }
}
