using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// Lease renewal of long runs on a fake clock. The run blocks inside its first page read on a gate, so its
/// length is set by how far the test moves the clock; each step waits for the renewal it causes.
/// </summary>
public sealed class PollerLeaseRenewalTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FakeSource _source = new();
    private readonly FakeSink _sink = new();

    public PollerLeaseRenewalTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_LongerThanLease_RenewsAndCompletes()
    {
        _source.AddMany(20, Start.AddMinutes(-5));
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = PollerTestEngine.Create(_state, _time).RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        await WaitUntilAsync(() => _source.Calls == 1);

        // Ten seconds of work under a three-second lease, renewed every second.
        for (var second = 1; second <= 10; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            var expected = _time.GetUtcNow() + Lease;
            await WaitUntilAsync(async () => (await LeaseAsync())?.ExpiresAt == expected);
        }

        var otherReplica = await PollerTestEngine.Create(_state, _time)
            .RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        _source.Gate.SetResult();
        var result = await run;

        Assert.Equal(PollerRunStatus.Skipped, otherReplica.Status);
        Assert.Equal(PollerRunStatus.Completed, result.Status);
        Assert.Equal(20, result.Upserted);
        Assert.True(result.WatermarkAfter > result.WatermarkBefore, "a completed run advances the watermark");
        Assert.Null(await LeaseAsync());
    }

    [Fact]
    public async Task RunAsync_LeaseExpiredBeforeRenewal_StopsAndKeepsWatermark()
    {
        _source.AddMany(5, Start.AddMinutes(-5));
        var engine = PollerTestEngine.Create(_state, _time);
        var first = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));
        _source.Add("new-1", _time.GetUtcNow().AddMinutes(-1));
        _source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batchesBefore = _sink.Batches.Count;

        var run = engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        await WaitUntilAsync(() => _source.Calls == 2);

        // The process stalls past its lease (a long pause), so the first renewal finds the lease expired.
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var lost = await run.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal(PollerRunStatus.LeaseLost, lost.Status);
        Assert.Equal(first.WatermarkAfter, lost.WatermarkAfter);
        Assert.Equal(batchesBefore, _sink.Batches.Count);

        _source.Gate.SetResult();
        var next = await engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        Assert.Equal(PollerRunStatus.Completed, next.Status);
        Assert.Equal(first.WatermarkAfter, next.WatermarkBefore);
        Assert.Equal("new-1", Assert.Single(_sink.Batches[^1]).Id);
    }

    [Fact]
    public async Task TryRenewAsync_OtherHolder_ReturnsFalse()
    {
        var lease = new StateLease(_state, _time);
        Assert.True(await lease.TryAcquireAsync("invoice", "replica-a", Lease, Token));

        var renewedByOther = await lease.TryRenewAsync("invoice", "replica-b", Lease, Token);
        var renewedByHolder = await lease.TryRenewAsync("invoice", "replica-a", Lease, Token);

        Assert.False(renewedByOther);
        Assert.True(renewedByHolder);
    }

    private static PollerOptions Options() => new() { LeaseDuration = Lease };

    private async Task<LeaseRecord?> LeaseAsync() =>
        (await _state.GetAsync<LeaseRecord>("lease:invoice", Token))?.Value;

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met within 10 s");
            await Task.Delay(5, Token);
        }
    }
}
