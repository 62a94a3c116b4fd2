using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>The deletion read that follows a run's pages, with the in-memory source and sink and a fake clock.</summary>
public sealed class PollerDeletionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FakeSource _source = new();
    private readonly FakeSink _sink = new();

    public PollerDeletionTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_RecordDeleted_UpsertedAsDeletionNextRun()
    {
        _source.AddMany(3, Start.AddMinutes(-5));
        var engine = PollerTestEngine.Create(_state, _time);
        var first = await engine.RunAsync("invoice", "Invoice", new PollerOptions(), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));
        _source.Delete("10001", _time.GetUtcNow().AddMinutes(-3));

        var second = await engine.RunAsync("invoice", "Invoice", new PollerOptions(), _source, _sink, Token);

        Assert.Equal(1, first.DeletionPages);
        Assert.Equal(0, first.DeletionsRead);
        Assert.Equal(1, second.DeletionPages);
        Assert.Equal(1, second.DeletionsRead);
        Assert.Equal(1, second.Upserted);
        var deleted = Assert.Single(_sink.Batches[^1]);
        Assert.Equal("10001", deleted.Id);
        Assert.True(deleted.Deleted, "the record reaches the sink as a deletion");
        Assert.Equal(_time.GetUtcNow().AddMinutes(-3), second.WatermarkAfter);
    }

    [Fact]
    public async Task RunAsync_DeletionInOverlap_SkippedNextRun()
    {
        _source.AddMany(2, Start.AddMinutes(-10));
        _source.Delete("10000", Start.AddSeconds(-30));
        var engine = PollerTestEngine.Create(_state, _time);
        var first = await engine.RunAsync("invoice", "Invoice", new PollerOptions(), _source, _sink, Token);
        _time.Advance(TimeSpan.FromMinutes(15));

        // The two-minute overlap reads the deletion again; the processed set skips it.
        var second = await engine.RunAsync("invoice", "Invoice", new PollerOptions(), _source, _sink, Token);

        Assert.Equal(2, first.Upserted);
        Assert.Equal(1, second.DeletionsRead);
        Assert.Equal(1, second.SkippedAsProcessed);
        Assert.Equal(0, second.UpsertCalls);
    }

    [Fact]
    public async Task RunAsync_RecordsAndDeletions_ShareLastBatch()
    {
        _source.AddMany(210, Start.AddHours(-2));
        _source.Delete("10005", Start.AddHours(-1));
        _source.Delete("90000", Start.AddHours(-1));

        var result = await PollerTestEngine.Create(_state, _time)
            .RunAsync("invoice", "Invoice", new PollerOptions(), _source, _sink, Token);

        Assert.Equal(209, result.Read);
        Assert.Equal(2, result.DeletionsRead);
        Assert.Equal(2, result.UpsertCalls);
        Assert.Equal([200, 11], _sink.Batches.Select(b => b.Count).ToArray());
        Assert.Equal(2, _sink.Batches[^1].Count(r => r.Deleted));
    }
}
