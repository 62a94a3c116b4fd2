using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// The run reads the next NetSuite page while the current page's batches go to Salesforce, one page ahead at most,
/// over the in-memory fakes of the two System API contracts.
/// </summary>
public sealed class PollerReadAheadTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FakeSource _source = new();

    public PollerReadAheadTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_FirstUpsertWaits_SecondPageReadMeanwhile()
    {
        _source.AddMany(30, Start.AddHours(-1));
        var sink = new WaitingSink(_source, readsToAwait: 2);

        var result = await PollerTestEngine.Create(_state, _time)
            .RunAsync("invoice", "Invoice", Options(), _source, sink, Token);

        Assert.Equal(PollerRunStatus.Completed, result.Status);
        Assert.Equal(3, result.Pages);
        Assert.Equal(30, result.Upserted);
        Assert.Equal(2, sink.ReadsSeenByFirstUpsert);
    }

    [Fact]
    public async Task RunAsync_UpsertInProgress_ReadsOnePageAheadAtMost()
    {
        _source.AddMany(50, Start.AddHours(-1));
        var sink = new WaitingSink(_source, readsToAwait: 3);

        var result = await PollerTestEngine.Create(_state, _time)
            .RunAsync("invoice", "Invoice", Options(), _source, sink, Token);

        // The third read must not start before the first batch is done, so the wait gives up at its deadline.
        Assert.Equal(PollerRunStatus.Completed, result.Status);
        Assert.Equal(5, result.Pages);
        Assert.Equal(2, sink.ReadsSeenByFirstUpsert);
    }

    [Fact]
    public async Task RunAsync_UpsertFailsDuringReadAhead_KeepsWatermark()
    {
        _source.AddMany(30, Start.AddHours(-1));
        var sink = new WaitingSink(_source, readsToAwait: 2)
        {
            Failure = new TransientPollerException("Salesforce returned 503."),
        };

        var result = await PollerTestEngine.Create(_state, _time)
            .RunAsync("invoice", "Invoice", Options(), _source, sink, Token);

        Assert.Equal(PollerRunStatus.Repeating, result.Status);
        Assert.Equal(result.WatermarkBefore, result.WatermarkAfter);
        Assert.Equal(0, result.Upserted);
        Assert.Equal(2, _source.Calls);
    }

    private static PollerOptions Options() => new()
    {
        PageSize = 10,
        BatchSize = 10,
        MaxAttempts = 1,
        InitialBackoff = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// A sink whose first upsert waits, up to a deadline of one second, until the source has seen
    /// <c>readsToAwait</c> reads, and records how many it saw.
    /// </summary>
    private sealed class WaitingSink(FakeSource source, int readsToAwait) : IPollerSink<FakeRecord>
    {
        private readonly FakeSink _inner = new();
        private int _upserts;

        public int ReadsSeenByFirstUpsert { get; private set; }

        public Exception? Failure { get; init; }

        public async Task<IReadOnlyList<SinkOutcome>> UpsertAsync(
            IReadOnlyList<FakeRecord> batch, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _upserts) == 1)
            {
                var deadline = DateTime.UtcNow.AddSeconds(1);
                while (source.Calls < readsToAwait && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10, cancellationToken);
                }

                ReadsSeenByFirstUpsert = source.Calls;
            }

            if (Failure is { } failure)
            {
                throw failure;
            }

            return await _inner.UpsertAsync(batch, cancellationToken);
        }
    }
}
