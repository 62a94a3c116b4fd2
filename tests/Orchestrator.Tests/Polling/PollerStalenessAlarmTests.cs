using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Orchestrator.Tests.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>The staleness alarm on a fake clock, the in-memory state store fake and a real SMTP server.</summary>
public sealed class PollerStalenessAlarmTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly PollerHealthStore _health;

    public PollerStalenessAlarmTests() => _health = new PollerHealthStore(new InMemoryStateStore(_time));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAsync_NoRunForTwoIntervals_AlertsOnce()
    {
        await using var smtp = SmtpTestServer.Start();
        var alarm = NewAlarm(smtp.Port);
        await _health.RecordRunAsync(Run("refund", PollerRunStatus.Completed), Token);
        _time.Advance(TimeSpan.FromMinutes(31));
        await _health.RecordRunAsync(Run("refund", PollerRunStatus.Completed), Token);
        await _health.RecordRunAsync(Run("fulfilment", PollerRunStatus.Completed), Token);

        var first = await alarm.CheckAsync(Token);
        var second = await alarm.CheckAsync(Token);

        Assert.Equal(["invoice"], first);
        Assert.Empty(second);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains("invoice poller is stalled", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ThreeFailedRuns_Alerts()
    {
        var alarm = NewAlarm(smtpPort: null);
        for (var i = 0; i < 3; i++)
        {
            await _health.RecordRunAsync(Run("invoice", PollerRunStatus.Repeating), Token);
        }

        Assert.Equal(["invoice"], await alarm.CheckAsync(Token));
    }

    [Fact]
    public async Task CheckAsync_RecentCompletedRuns_NoAlert()
    {
        var alarm = NewAlarm(smtpPort: null);
        _time.Advance(TimeSpan.FromMinutes(20));
        await _health.RecordRunAsync(Run("invoice", PollerRunStatus.Completed), Token);
        await _health.RecordRunAsync(Run("refund", PollerRunStatus.Repeating), Token);

        Assert.Empty(await alarm.CheckAsync(Token));
    }

    [Fact]
    public async Task RecordRunAsync_CompletedAfterAlarm_ClearsIt()
    {
        var alarm = NewAlarm(smtpPort: null);
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Contains("invoice", await alarm.CheckAsync(Token));

        await _health.RecordRunAsync(Run("invoice", PollerRunStatus.Completed), Token);
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Contains("invoice", await alarm.CheckAsync(Token));
    }

    private PollerRunResult Run(string poller, PollerRunStatus status)
    {
        var now = _time.GetUtcNow();
        return new PollerRunResult(poller, $"{poller}-run", status, now, now, 1, 0, 0, 0, 0, 0, now, now, TimeSpan.Zero, now);
    }

    private PollerStalenessAlarm NewAlarm(int? smtpPort) => new(
        _health,
        new FailureEmailSender(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions
            {
                Host = smtpPort is null ? null : "127.0.0.1",
                Port = smtpPort ?? 25,
                UseTls = false,
                Recipients = new(StringComparer.OrdinalIgnoreCase) { ["default"] = ["ops@example.com"] },
            }),
            NullLogger<FailureEmailSender>.Instance),
        Microsoft.Extensions.Options.Options.Create(new PollerAlarmOptions()),
        _time,
        NullLogger<PollerStalenessAlarm>.Instance);
}
