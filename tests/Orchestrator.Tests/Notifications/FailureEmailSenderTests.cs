using DaprSync.Orchestrator.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Tests.Notifications;

public sealed class FailureEmailSenderTests
{
    private static readonly DateTimeOffset WindowStart = new(2026, 12, 4, 8, 58, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2026, 12, 4, 9, 15, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_ThreeFailures_OneEmailListingEach()
    {
        await using var smtp = SmtpTestServer.Start();
        var sender = NewSender(smtp.Port);
        var report = new FailureReport("invoice", "run-42", WindowStart, WindowEnd,
        [
            new("Invoice", "1001", "Account NW-1", "INVALID_CROSS_REFERENCE_KEY", "Account not found"),
            new("Invoice", "1002", "Account NW-2", "INVALID_CROSS_REFERENCE_KEY", "Account not found"),
            new("Invoice", "1003", "<script>alert(1)</script> Foods", "INVALID_CROSS_REFERENCE_KEY", "Account not found"),
        ]);

        var sent = await sender.SendAsync(report, Token);

        Assert.True(sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("ops@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("run-42", message.Subject, StringComparison.Ordinal);
        var html = message.HtmlBody;
        Assert.Contains("1001", html, StringComparison.Ordinal);
        Assert.Contains("1002", html, StringComparison.Ordinal);
        Assert.Contains("1003", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-04 08:58:00", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-04 09:15:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TransientError_SubjectSaysRunWillRepeat()
    {
        await using var smtp = SmtpTestServer.Start();
        var report = new FailureReport("refund", "run-7", WindowStart, WindowEnd, [], "NetSuite answered 503 three times");

        await NewSender(smtp.Port).SendAsync(report, Token);

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("will be repeated", message.Subject, StringComparison.Ordinal);
        Assert.Contains("NetSuite answered 503 three times", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoHost_ReturnsFalseWithoutSending()
    {
        var sender = new FailureEmailSender(
            Options.Create(new SmtpOptions { Host = null }), NullLogger<FailureEmailSender>.Instance);
        var report = new FailureReport("invoice", "run-1", WindowStart, WindowEnd, [new("Invoice", "1", null, "X", "y")]);

        Assert.False(await sender.SendAsync(report, Token));
    }

    [Fact]
    public async Task SendAsync_ServerDown_ReturnsFalse()
    {
        int port;
        await using (var smtp = SmtpTestServer.Start())
        {
            port = smtp.Port;
        }

        var report = new FailureReport("invoice", "run-1", WindowStart, WindowEnd, [new("Invoice", "1", null, "X", "y")]);

        Assert.False(await NewSender(port).SendAsync(report, Token));
    }

    private static FailureEmailSender NewSender(int port) => new(
        Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            UseTls = false,
            From = "daprsync@example.com",
            Recipients = new(StringComparer.OrdinalIgnoreCase) { ["default"] = ["ops@example.com"] },
        }),
        NullLogger<FailureEmailSender>.Instance);
}
