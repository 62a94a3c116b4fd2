using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Notifications;

public sealed class DigestSenderTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStateStore state;
    private readonly SyncOutcomeStore outcomes;

    public DigestSenderTests()
    {
        state = new InMemoryStateStore(time);
        outcomes = new SyncOutcomeStore(state, time, NullLogger<SyncOutcomeStore>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendNowAsync_FailuresOfThreeFlows_OneEmailListingEach()
    {
        await using var smtp = SmtpTestServer.Start();
        await outcomes.RecordAsync("customer", RecordResult.Failed("001A", "UNKNOWN_COUNTRY", "Account 001A: BillingCountry 'Atlantis' is not a known country.", "BillingCountry"), Token);
        await outcomes.RecordAsync("order", RecordResult.Failed("801A", "INVALID_KEY_OR_REF", "Order 801A: item <b>NW-999</b> was not found.", "item"), Token);
        await outcomes.RecordAsync("order", RecordResult.Failed("801A", "INVALID_KEY_OR_REF", "Order 801A: item <b>NW-999</b> was not found.", "item"), Token);
        await outcomes.RecordAsync("payment", RecordResult.Failed("a02A", "INVALID_FLD_VALUE", "Invoice 9001 has no amount remaining.", "apply"), Token);
        await outcomes.RecordAsync("order", RecordResult.Synced("801B", "7002"), Token);

        var listed = await NewSender(smtp.Port).SendNowAsync(Token);

        Assert.Equal(3, listed.Count);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("ops@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("3 new sync failures", message.Subject, StringComparison.Ordinal);
        var html = message.HtmlBody;
        Assert.Contains("001A", html, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN_COUNTRY", html, StringComparison.Ordinal);
        Assert.Contains("801A", html, StringComparison.Ordinal);
        Assert.Contains("a02A", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("801B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>NW-999</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;NW-999&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendNowAsync_NothingNew_SendsNoSecondEmail()
    {
        await using var smtp = SmtpTestServer.Start();
        var sender = NewSender(smtp.Port);
        await outcomes.RecordAsync("order", RecordResult.Failed("801A", "INVALID_KEY_OR_REF", "Item missing.", "item"), Token);

        await sender.SendNowAsync(Token);
        var second = await sender.SendNowAsync(Token);

        Assert.Empty(second);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task SendNowAsync_FailedAgainLater_ListsItAgain()
    {
        await using var smtp = SmtpTestServer.Start();
        var sender = NewSender(smtp.Port);
        await outcomes.RecordAsync("order", RecordResult.Failed("801A", "INVALID_KEY_OR_REF", "Item missing.", "item"), Token);
        await sender.SendNowAsync(Token);

        time.Advance(TimeSpan.FromMinutes(5));
        await outcomes.RecordAsync("order", RecordResult.Failed("801A", "INVALID_KEY_OR_REF", "Item missing.", "item"), Token);
        var second = await sender.SendNowAsync(Token);

        Assert.Equal(2, Assert.Single(second).Attempts);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task SendNowAsync_RelayDown_KeepsFailuresUnreported()
    {
        await outcomes.RecordAsync("payment", RecordResult.Failed("a02A", "INVALID_FLD_VALUE", "Paid already.", "apply"), Token);
        int port;
        await using (var down = SmtpTestServer.Start())
        {
            port = down.Port;
        }

        var whileDown = await NewSender(port).SendNowAsync(Token);

        Assert.Empty(whileDown);
        Assert.Null(await state.GetAsync<Dictionary<string, DateTimeOffset>>(DigestSender.ReportedKey, Token));
    }

    [Fact]
    public async Task DigestService_IntervalPassed_SendsDigest()
    {
        await using var smtp = SmtpTestServer.Start();
        var sender = NewSender(smtp.Port);
        await outcomes.RecordAsync("customer", RecordResult.Failed("001A", "UNKNOWN_COUNTRY", "Atlantis.", "BillingCountry"), Token);
        var options = Options.Create(new DigestOptions { Interval = TimeSpan.FromMinutes(15) });
        using var service = new DigestService(sender, options, time, NullLogger<DigestService>.Instance);

        await service.StartAsync(Token);

        // ExecuteAsync starts on a thread of its own, so the timer may not exist at the first advance. Each
        // further tick finds nothing new and sends nothing.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (smtp.Messages.IsEmpty && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(20, Token);
        }

        await service.StopAsync(Token);
        Assert.Single(smtp.Messages);
    }

    private DigestSender NewSender(int port)
    {
        var smtp = Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            UseTls = false,
            Recipients = { ["default"] = ["ops@example.com"] },
        });
        var email = new FailureEmailSender(smtp, NullLogger<FailureEmailSender>.Instance);
        return new DigestSender(
            outcomes, email, state, Options.Create(new DigestOptions()), time, NullLogger<DigestSender>.Instance);
    }
}
