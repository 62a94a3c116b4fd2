using System.Diagnostics.Metrics;
using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Orchestrator.Tests.Notifications;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// The poller machinery with an in-memory NetSuite source and Salesforce sink (fakes of the project's
/// own System API contracts), the in-memory state store fake, a fake clock and a real SMTP server.
/// </summary>
public sealed class PollerEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FakeSource _source = new();
    private readonly FakeSink _sink = new();

    public PollerEngineTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_1234InvoicesPageSize50_25PagesAnd7Upserts()
    {
        _source.AddMany(1234, Start.AddDays(-1));

        var result = await NewEngine().RunAsync("invoice", "Invoice", Options(pageSize: 50), _source, _sink, Token);

        Assert.Equal(PollerRunStatus.Completed, result.Status);
        Assert.Equal(25, result.Pages);
        Assert.Equal(7, result.UpsertCalls);
        Assert.Equal(1234, result.Upserted);
        Assert.All(_sink.Batches, batch => Assert.True(batch.Count <= 200));
        Assert.Equal(1234, _sink.Batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task RunAsync_SecondRunWithoutChanges_UpsertsNothing()
    {
        _source.AddMany(300, Start.AddMinutes(-1));
        var engine = NewEngine();
        await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));

        var second = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        Assert.Equal(PollerRunStatus.Completed, second.Status);
        Assert.Equal(0, second.Upserted);
        Assert.Equal(0, second.UpsertCalls);
        Assert.Equal(300, second.SkippedAsProcessed);
    }

    [Fact]
    public async Task RunAsync_RecordModifiedBeforeWatermark_IsPickedUp()
    {
        _source.AddMany(10, Start.AddMinutes(-5));
        var engine = NewEngine();
        var first = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        // A late commit stamped 30 s before the watermark, as clock skew between servers produces.
        _source.Add("late-1", first.WatermarkAfter.AddSeconds(-30));
        _time.Advance(TimeSpan.FromMinutes(15));
        var second = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        Assert.Equal(1, second.Upserted);
        Assert.Equal("late-1", Assert.Single(_sink.Batches[^1]).Id);
    }

    [Fact]
    public async Task RunAsync_ThreeRejectedRecords_OneEmailListingThree()
    {
        await using var smtp = SmtpTestServer.Start();
        _source.AddMany(20, Start.AddHours(-1));
        _source.Add("bad-1", Start.AddMinutes(-30), customer: "Unknown Foods");
        _source.Add("bad-2", Start.AddMinutes(-30), customer: "Lost Traders");
        _source.Add("bad-3", Start.AddMinutes(-30), customer: "<script>alert('x')</script>");
        _sink.Reject = id => id.StartsWith("bad-", StringComparison.Ordinal);

        var result = await NewEngine(smtp.Port).RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        Assert.Equal(3, result.Failed);
        Assert.Equal(20, result.Upserted);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains("bad-1", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("bad-2", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("bad-3", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_503Storm_KeepsWatermarkAndEmailsRepeat()
    {
        await using var smtp = SmtpTestServer.Start();
        _source.AddMany(5, Start.AddHours(-1));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new MetricsRecorder(services, DaprSyncTelemetry.Name);
        var engine = NewEngine(
            smtp.Port, new DaprSyncMetrics(services.GetRequiredService<IMeterFactory>(), new AppIdentity("orchestrator")));
        var first = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        _source.Add("new-1", Start.AddMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(15));
        _source.FailWith = () => new TransientPollerException("NetSuite answered 503");

        var run = engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(1, Token);
        }

        var stormed = await run;
        Assert.Equal(PollerRunStatus.Repeating, stormed.Status);
        Assert.Equal(first.WatermarkAfter, stormed.WatermarkAfter);
        Assert.Equal(4, _source.Calls - 1);
        Assert.Contains("will be repeated", Assert.Single(smtp.Messages).Subject, StringComparison.Ordinal);

        // Four attempts of the page read are three retries in the metrics.
        var retries = metrics.Of("daprsync.retries");
        Assert.Equal(3, retries.Count);
        Assert.All(retries, retry => Assert.Equal("invoice", retry.Tag("daprsync.target")));
        Assert.All(retries, retry => Assert.Equal("read page", retry.Tag("daprsync.operation")));
    }

    [Fact]
    public async Task RunAsync_TwoReplicasAtOnce_OneRuns()
    {
        _source.AddMany(50, Start.AddHours(-1));
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replicaA = NewEngine().RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        var replicaB = NewEngine().RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        var firstDone = await Task.WhenAny(replicaA, replicaB).WaitAsync(TimeSpan.FromSeconds(10), Token);
        _source.Gate.SetResult();
        var results = await Task.WhenAll(replicaA, replicaB);

        Assert.Equal(PollerRunStatus.Skipped, (await firstDone).Status);
        Assert.Single(results, r => r.Status == PollerRunStatus.Completed);
        Assert.Equal(50, _sink.Batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task RunAsync_TwoTicksOnOneReplica_OneRuns()
    {
        _source.AddMany(50, Start.AddHours(-1));
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = NewEngine();
        var first = engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        var second = engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        var skipped = await Task.WhenAny(first, second).WaitAsync(TimeSpan.FromSeconds(10), Token);
        _source.Gate.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(PollerRunStatus.Skipped, (await skipped).Status);
        Assert.Single(results, r => r.Status == PollerRunStatus.Completed);
        Assert.Equal(50, _sink.Batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task RunAsync_SkippedRun_ReportsStoredWatermark()
    {
        _source.AddMany(5, Start.AddHours(-1));
        var engine = NewEngine();
        var completed = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);

        var skipped = await engine.RunAsync("invoice", "Invoice", new PollerOptions { Enabled = false }, _source, _sink, Token);

        Assert.Equal(PollerRunStatus.Skipped, skipped.Status);
        Assert.Equal(completed.WatermarkAfter, skipped.WatermarkBefore);
        Assert.Equal(completed.WatermarkAfter, skipped.WatermarkAfter);
    }

    [Fact]
    public async Task RunAsync_ResetToken_RestartsFromDefaultStart()
    {
        _source.AddMany(10, Start.AddDays(-30));
        var engine = NewEngine();
        await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));

        var reset = await engine.RunAsync("invoice", "Invoice", Options(resetToken: "2026-12-04"), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));
        var afterReset = await engine.RunAsync("invoice", "Invoice", Options(resetToken: "2026-12-04"), _source, _sink, Token);

        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) - TimeSpan.FromMinutes(2), reset.WindowStart);
        Assert.Equal(10, reset.Read);
        Assert.True(afterReset.WindowStart > Start.AddDays(-31), "the same token must not reset twice");
    }

    private static PollerOptions Options(int pageSize = 1000, string? resetToken = null) => new()
    {
        PageSize = pageSize,
        ResetToken = resetToken,
        InitialBackoff = TimeSpan.FromSeconds(1),
    };

    private PollerEngine NewEngine(int? smtpPort = null, DaprSyncMetrics? metrics = null) => new(
        new StateLease(_state, _time),
        new WatermarkStore(_state),
        _state,
        new FailureEmailSender(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions
            {
                Host = smtpPort is null ? null : "127.0.0.1",
                Port = smtpPort ?? 25,
                UseTls = false,
                Recipients = new(StringComparer.OrdinalIgnoreCase) { ["default"] = ["ops@example.com"] },
            }),
            NullLogger<FailureEmailSender>.Instance),
        _time,
        NullLogger<PollerEngine>.Instance,
        metrics: metrics);
}
