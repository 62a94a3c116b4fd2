using DaprSync.Runtime.Observability;
using DaprSync.Runtime.Workflows;
using DaprSync.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.Workflows;

public sealed class InProcessWorkflowRunnerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-wf-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly ActivityLog _log = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryStartAsync_NewInstance_CompletesWithOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        Assert.True(await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token));
        var info = await host.WaitForFinishAsync("order-1");

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal(nameof(OrderTestWorkflow), info.WorkflowName);
        Assert.NotNull(info.CompletedAt);
        Assert.Null(info.FailureMessage);
        var output = WorkflowTestHost.Output<OrderResult>(info);
        Assert.Equal("reserved-SO-1", output.Reservation);
        Assert.Equal(1, output.WritebackAttempt);
        Assert.Equal(1, _log.CallsOf(nameof(ReserveActivity)));
    }

    [Fact]
    public async Task TryStartAsync_WhileRunning_ReturnsFalse()
    {
        _log.WritebackGate = ActivityLog.ClosedGate();
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);
        Assert.True(await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token));
        await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(WritebackActivity)) == 1, "writeback runs");

        var second = await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-2"), Token);

        Assert.False(second);
        Assert.Equal(WorkflowInstanceStatus.Running, (await host.Scheduler.GetAsync("order-1", Token))!.Status);
        _log.WritebackGate.SetResult();
        var info = await host.WaitForFinishAsync("order-1");
        Assert.Equal("reserved-SO-1", WorkflowTestHost.Output<OrderResult>(info).Reservation);
    }

    [Fact]
    public async Task TryStartAsync_AfterCompletion_ReplacesInstance()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);
        Assert.True(await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token));
        await host.WaitForFinishAsync("order-1");

        Assert.True(await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-2"), Token));
        var info = await host.WaitForFinishAsync("order-1");

        Assert.Equal("reserved-SO-2", WorkflowTestHost.Output<OrderResult>(info).Reservation);
        Assert.Equal(2, _log.CallsOf(nameof(ReserveActivity)));
    }

    [Fact]
    public async Task GetAsync_UnknownInstance_ReturnsNull()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        Assert.Null(await host.Scheduler.GetAsync("no-such-instance", Token));
    }

    [Fact]
    public async Task CallActivityAsync_TransientFailures_RetriesWithBackoff()
    {
        _log.WritebackFailuresLeft = 2;
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);
        using var metrics = new MetricsRecorder(host.Services, DaprSyncTelemetry.Name);
        var startedAt = _time.GetUtcNow().UtcDateTime;

        await host.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);
        var info = await host.WaitForFinishAsync("order-1", advancePerPoll: TimeSpan.FromMilliseconds(250));

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        var output = WorkflowTestHost.Output<OrderResult>(info);
        Assert.Equal(3, output.WritebackAttempt);
        Assert.Equal(3, _log.CallsOf(nameof(WritebackActivity)));
        Assert.Equal(1, _log.CallsOf(nameof(ReserveActivity)));

        // Waits of one and then two seconds (first interval 1 s, coefficient 2) come before the third attempt.
        var elapsed = output.FinishedAt - startedAt;
        Assert.True(elapsed >= TimeSpan.FromSeconds(3), $"finished after {elapsed}");

        var retries = metrics.Of("daprsync.retries");
        Assert.Equal(2, retries.Count);
        Assert.All(retries, retry => Assert.Equal("activity", retry.Tag("daprsync.target")));
        Assert.All(retries, retry => Assert.Equal(nameof(WritebackActivity), retry.Tag("daprsync.operation")));
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_Throws()
    {
        _log.WritebackFailuresLeft = 10;
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(
            nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1", CatchFailure: true), Token);
        var info = await host.WaitForFinishAsync("order-1", advancePerPoll: TimeSpan.FromMilliseconds(250));

        var output = WorkflowTestHost.Output<OrderResult>(info);
        Assert.Equal("System.InvalidOperationException", output.ErrorType);
        Assert.Equal("Task failed: NetSuite unavailable", output.ErrorMessage);
        Assert.Equal(3, _log.CallsOf(nameof(WritebackActivity)));
    }

    [Fact]
    public async Task RunAsync_UncaughtFailure_FailsInstance()
    {
        _log.WritebackFailuresLeft = 10;
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);
        var info = await host.WaitForFinishAsync("order-1", advancePerPoll: TimeSpan.FromMilliseconds(250));

        Assert.Equal(WorkflowInstanceStatus.Failed, info.Status);
        Assert.Equal("Task failed: NetSuite unavailable", info.FailureMessage);
        Assert.Null(info.OutputJson);
        Assert.NotNull(info.CompletedAt);
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
