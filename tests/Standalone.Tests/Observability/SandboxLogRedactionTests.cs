using System.Collections.Concurrent;
using DaprSync.Runtime.Observability.Logging;
using DaprSync.Standalone.Hosting;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DaprSync.Standalone.Tests.Observability;

/// <summary>
/// A full sandbox run logged at Verbose through the host's own Serilog set-up, with a capture sink next to
/// the console: no configured secret may appear in any captured event, checked by value.
/// </summary>
public sealed class SandboxLogRedactionTests
{
    private const string SmtpPassword = "smtp-password-for-the-redaction-test";

    // The credentials that the sandbox gives the apps (see SandboxEmulators.AppSettings), and one of the test's.
    private static readonly string[] Secrets =
    [
        "daprsync-integration-secret", "sandbox-consumer-secret", "sandbox-token-secret", SmtpPassword,
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SandboxRun_VerboseLogs_ContainNoSecretValue()
    {
        var capture = new CaptureSink();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:Password"] = SmtpPassword })
            .Build();
        var previous = Log.Logger;
        HostLogging.Configure(configuration, LogFormat.Console, LogEventLevel.Verbose, sinks => sinks.Sink(capture));
        try
        {
            using var output = new StringWriter();
            var options = new SandboxOptions(null, null, TimeSpan.FromSeconds(90), KeepRunning: false);
            var summary = await new SandboxRunner(options, output).RunAsync(configuration, Token);
            Assert.True(summary.Success, output.ToString());

            // A line that quotes a secret on purpose shows that the apps' secrets reached the redactor.
            Log.Information("Probe with {Credential} and {Text}", "x", $"value {Secrets[1]} inside a text");
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            Log.Logger = previous;
        }

        var lines = capture.Lines.ToList();
        Assert.True(lines.Count > 50, $"expected a verbose run to log more than 50 events, got {lines.Count}");
        Assert.Contains(lines, line => line.Contains("/services/oauth2/token", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Probe with", StringComparison.Ordinal)
            && line.Contains($"value {SecretRedactor.Mask} inside", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>Keeps every event as compact JSON, with the rendered message added, as the production sink writes it.</summary>
    private sealed class CaptureSink : ILogEventSink
    {
        private readonly CompactJsonFormatter _json = new();

        public ConcurrentQueue<string> Lines { get; } = new();

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _json.Format(logEvent, writer);
            writer.Write(logEvent.RenderMessage());
            Lines.Enqueue(writer.ToString());
        }
    }
}
