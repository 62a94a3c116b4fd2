using System.Globalization;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>
/// A run that stops partway leaves a checkpoint, and the next run finishes that window from the last finished page
/// instead of reading it again. In-memory NetSuite source and Salesforce sink, in-memory state store, fake clock.
/// </summary>
public sealed class PollerCheckpointTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryStateStore _state;
    private readonly FakeSource _source = new();
    private readonly FakeSink _sink = new();

    public PollerCheckpointTests() => _state = new InMemoryStateStore(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_AfterStopMidWindow_ResumesFromLastPage()
    {
        _source.AddMany(1000, Start.AddHours(-1));
        _source.Delete("10010", Start.AddMinutes(-30));
        var engine = PollerTestEngine.Create(_state, _time);
        // Batches with 10350 or later fail, so pages 1 to 3 finish and page 4 stops the run.
        _sink.FailTransiently = record => int.Parse(record.Id, CultureInfo.InvariantCulture) >= 10_350;

        var stopped = await RunToEndAsync(engine);
        _sink.FailTransiently = null;
        _time.Advance(TimeSpan.FromMinutes(15));
        var resumed = await RunToEndAsync(engine);

        Assert.Equal(PollerRunStatus.Repeating, stopped.Status);
        Assert.Equal(300, stopped.Upserted);
        Assert.Equal(stopped.WatermarkBefore, stopped.WatermarkAfter);
        Assert.Equal(PollerRunStatus.Completed, resumed.Status);
        Assert.Equal(stopped.RunId, resumed.ResumedRunId);
        Assert.Equal((stopped.WindowStart, stopped.WindowEnd), (resumed.WindowStart, resumed.WindowEnd));
        // The window contains 999 records, because 10010 is deleted: 699 remain after the cursor, on 7 pages.
        Assert.Equal(7, resumed.Pages);
        Assert.Equal(699, resumed.Read);
        Assert.Equal(1, resumed.DeletionsRead);
        Assert.Equal(700, resumed.Upserted);
        var upserted = _sink.Batches.SelectMany(batch => batch).Select(record => record.Id).ToList();
        Assert.Equal(upserted.Count, upserted.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1000, upserted.Count);
        // The deletion is the latest change read.
        Assert.Equal(Start.AddMinutes(-30), resumed.WatermarkAfter);
    }

    [Fact]
    public async Task RunAsync_SkipsUnalignedWithBatches_StillResumes()
    {
        // The first run syncs 30 records, which the next run's overlap reads again and skips. 30 is no multiple of
        // the batch size of 50, so from then on a partial batch waits after every page.
        for (var i = 0; i < 30; i++)
        {
            _source.Add($"A{i:D3}", Start.AddSeconds(-60).AddMilliseconds(i));
        }

        var engine = PollerTestEngine.Create(_state, _time);
        var first = await RunToEndAsync(engine);
        for (var i = 0; i < 400; i++)
        {
            _source.Add($"B{i:D3}", Start.AddSeconds(-30).AddMilliseconds(i));
        }

        // Batches with B250 or later fail, so the run stops on its fourth page, with B0 to B249 upserted.
        _sink.FailTransiently = record => record.Id[0] == 'B' && int.Parse(record.Id[1..], CultureInfo.InvariantCulture) >= 250;
        _time.Advance(TimeSpan.FromMinutes(15));
        var stopped = await RunToEndAsync(engine);
        _sink.FailTransiently = null;
        _time.Advance(TimeSpan.FromMinutes(15));
        var resumed = await RunToEndAsync(engine);

        Assert.Equal(PollerRunStatus.Completed, first.Status);
        Assert.Equal(PollerRunStatus.Repeating, stopped.Status);
        Assert.Equal(30, stopped.SkippedAsProcessed);
        Assert.Equal(250, stopped.Upserted);
        Assert.Equal(stopped.RunId, resumed.ResumedRunId);
        // The checkpoint is the start of page 3 (B170 on), where B250 to B269 waited in a partial batch. B170 to B249
        // were upserted before the stop, so they are skipped.
        Assert.Equal(230, resumed.Read);
        Assert.Equal(80, resumed.SkippedAsProcessed);
        Assert.Equal(150, resumed.Upserted);
        var upserted = _sink.Batches.SelectMany(batch => batch).Select(record => record.Id).ToList();
        Assert.Equal(upserted.Count, upserted.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(430, upserted.Count);
    }

    [Fact]
    public async Task RunAsync_AfterResumedRunCompleted_ReadsNewWindow()
    {
        _source.AddMany(400, Start.AddHours(-1));
        var engine = PollerTestEngine.Create(_state, _time);
        _sink.FailTransiently = record => int.Parse(record.Id, CultureInfo.InvariantCulture) >= 10_250;
        await RunToEndAsync(engine);
        _sink.FailTransiently = null;
        _time.Advance(TimeSpan.FromMinutes(15));
        var resumed = await RunToEndAsync(engine);
        _source.Add("late-1", Start.AddMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(15));

        var next = await RunToEndAsync(engine);

        Assert.NotNull(resumed.ResumedRunId);
        Assert.Null(next.ResumedRunId);
        Assert.True(next.WindowStart > resumed.WindowStart, "the run after the resumed one read the old window again");
        Assert.Equal(1, next.Upserted);
        Assert.Equal("late-1", Assert.Single(_sink.Batches[^1]).Id);
    }

    [Fact]
    public async Task RunAsync_WatermarkResetAfterStop_IgnoresCheckpoint()
    {
        _source.AddMany(400, Start.AddHours(-1));
        var engine = PollerTestEngine.Create(_state, _time);
        _sink.FailTransiently = record => int.Parse(record.Id, CultureInfo.InvariantCulture) >= 10_250;
        await RunToEndAsync(engine);
        _sink.FailTransiently = null;
        await new WatermarkStore(_state).ResetAsync("invoice", Start.AddDays(-1), Token);
        _time.Advance(TimeSpan.FromMinutes(15));

        var afterReset = await RunToEndAsync(engine);

        Assert.Null(afterReset.ResumedRunId);
        Assert.Equal(Start.AddDays(-1) - Options().Overlap, afterReset.WindowStart);
        Assert.Equal(400, afterReset.Read);
    }

    // The engine's retry waits run on the fake clock, so the clock is moved on until the run ends.
    private async Task<PollerRunResult> RunToEndAsync(PollerEngine engine)
    {
        var run = engine.RunAsync("invoice", "Invoice", Options(), _source, _sink, Token);
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(1, Token);
        }

        return await run;
    }

    private static PollerOptions Options() => new()
    {
        PageSize = 100,
        BatchSize = 50,
        InitialBackoff = TimeSpan.FromSeconds(1),
    };
}
