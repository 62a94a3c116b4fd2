using DaprSync.Runtime.InProcess;
using DaprSync.Runtime.InProcess.Workflows;
using DaprSync.Runtime.Observability;
using DaprSync.Runtime.Workflows;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.Workflows;

/// <summary>Durability: after a host stops mid-workflow, a new host on the same file finishes it.</summary>
public sealed class WorkflowResumeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-wf-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly ActivityLog _log = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_AfterStop_SkipsCompletedSteps()
    {
        _log.WritebackGate = ActivityLog.ClosedGate();
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            await first.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);
            await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(WritebackActivity)) == 1, "writeback runs");
        }

        _log.WritebackGate = ActivityLog.CompletedGate();
        await using var second = await WorkflowTestHost.StartAsync(_path, _log, _time);
        var info = await second.WaitForFinishAsync("order-1");

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal("reserved-SO-1", WorkflowTestHost.Output<OrderResult>(info).Reservation);
        Assert.Equal(1, _log.CallsOf(nameof(ReserveActivity)));
        Assert.Equal(2, _log.CallsOf(nameof(WritebackActivity)));
    }

    [Fact]
    public async Task StartAsync_ReplayedFailure_NotCountedAgain()
    {
        _log.WritebackFailuresLeft = 1;
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            using var firstMetrics = new MetricsRecorder(first.Services, DaprSyncTelemetry.Name);
            await first.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);

            // The fake clock does not advance, so the instance waits on its 1 s retry timer when the host stops.
            await WorkflowTestHost.WaitUntilAsync(
                () => firstMetrics.Of("daprsync.retries").Count == 1, "first attempt failed and a retry scheduled");
        }

        await using var second = await WorkflowTestHost.StartAsync(_path, _log, _time);
        using var secondMetrics = new MetricsRecorder(second.Services, DaprSyncTelemetry.Name);
        var info = await second.WaitForFinishAsync("order-1", advancePerPoll: TimeSpan.FromMilliseconds(250));

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal(2, WorkflowTestHost.Output<OrderResult>(info).WritebackAttempt);
        Assert.Equal(2, _log.CallsOf(nameof(WritebackActivity)));
        Assert.Empty(secondMetrics.Of("daprsync.retries"));
    }

    [Fact]
    public async Task StopAsync_DuringActivity_LeavesInstanceRunning()
    {
        _log.WritebackGate = ActivityLog.ClosedGate();
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            await first.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);
            await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(WritebackActivity)) == 1, "writeback runs");
        }

        // A runner that is never started reads the journal without resuming the instance.
        var idle = new InProcessWorkflowRunner(
            new SqliteDatabase(_path),
            "orchestrator",
            new WorkflowCatalog(new DaprSyncWorkflowOptions()),
            new ServiceCollection().BuildServiceProvider(),
            _time,
            new WorkflowRunnerOptions(),
            NullLoggerFactory.Instance);
        var info = await idle.GetAsync("order-1", Token);

        Assert.NotNull(info);
        Assert.Equal(WorkflowInstanceStatus.Running, info.Status);
        Assert.Null(info.FailureMessage);
        Assert.Null(info.CompletedAt);
    }

    [Fact]
    public async Task CreateTimer_AcrossRestart_FiresOnTime()
    {
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            await first.Scheduler.TryStartAsync(nameof(TimerWorkflow), "timer-resume-1", 10, Token);
            await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(RecordGuidActivity)) == 1, "guid recorded");
            _time.Advance(TimeSpan.FromMinutes(4));
        }

        await using var second = await WorkflowTestHost.StartAsync(_path, _log, _time);
        var info = await second.WaitForFinishAsync("timer-resume-1", advancePerPoll: TimeSpan.FromMinutes(1));

        var output = WorkflowTestHost.Output<TimerResult>(info);
        Assert.Equal(TimeSpan.FromMinutes(10), output.After - output.Before);
        Assert.Equal(1, _log.CallsOf(nameof(RecordGuidActivity)));
        Assert.True(_log.RecordedGuids.TryPeek(out var recorded));
        Assert.Equal(recorded, output.Guid);
        Assert.Equal(
            [("start", false), ("start", true), ("after timer", false)],
            ReplayProbe.Of("timer-resume-1"));
    }

    [Fact]
    public async Task StartAsync_AfterFanOutStop_ReplaysInOrder()
    {
        // The second step of the branch for 2 (input 20) blocks; the other five steps finish before the stop.
        _log.WritebackGate = ActivityLog.ClosedGate();
        _log.GatedEchoInput = 20;
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            await first.Scheduler.TryStartAsync(nameof(FanOutWorkflow), "fan-resume-1", new[] { 1, 2, 3 }, Token);
            await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(EchoActivity)) == 6, "six steps started");
            await WorkflowTestHost.WaitUntilAsync(
                () => CompletedStepsInJournal("fan-resume-1") == 5, "five outcomes journaled");
        }

        _log.WritebackGate = ActivityLog.CompletedGate();
        await using var second = await WorkflowTestHost.StartAsync(_path, _log, _time);
        var info = await second.WaitForFinishAsync("fan-resume-1");

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal(60, WorkflowTestHost.Output<int>(info));
        Assert.Equal(7, _log.CallsOf(nameof(EchoActivity)));
    }

    [Fact]
    public async Task StartAsync_JournaledStepChanged_FailsInstance()
    {
        _log.WritebackGate = ActivityLog.ClosedGate();
        ActivityChoice.Set("switch-1", nameof(TickActivity));
        await using (var first = await WorkflowTestHost.StartAsync(_path, _log, _time))
        {
            await first.Scheduler.TryStartAsync(nameof(SwitchingWorkflow), "switch-1", "SO-1", Token);
            await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(WritebackActivity)) == 1, "writeback runs");
        }

        // The code now calls another activity at the step the journal has for the tick.
        ActivityChoice.Set("switch-1", nameof(EchoActivity));
        _log.WritebackGate = ActivityLog.CompletedGate();
        await using var second = await WorkflowTestHost.StartAsync(_path, _log, _time);
        var info = await second.WaitForFinishAsync("switch-1");

        Assert.Equal(WorkflowInstanceStatus.Failed, info.Status);
        Assert.Contains("is not deterministic", info.FailureMessage);
        Assert.Equal(0, _log.CallsOf(nameof(EchoActivity)));
        Assert.Equal(1, _log.CallsOf(nameof(WritebackActivity)));
    }

    [Fact]
    public async Task ContinueAsNew_Countdown_RunsEachInput()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(nameof(CountdownWorkflow), "countdown-1", new CountdownInput(3, 0), Token);
        var info = await host.WaitForFinishAsync("countdown-1");

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal(3, WorkflowTestHost.Output<int>(info));
        Assert.Equal(4, _log.CallsOf(nameof(TickActivity)));
    }

    /// <summary>Reads the journal table directly: the number of steps of the instance with a stored outcome.</summary>
    private long CompletedStepsInJournal(string instanceId)
    {
        using var connection = new SqliteDatabase(_path).Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COUNT(*) FROM workflow_history WHERE instance_id = $id AND completion_order IS NOT NULL";
        command.Parameters.AddWithValue("$id", instanceId);
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
