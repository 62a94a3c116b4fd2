using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.Workflows;

/// <summary>Edge cases of the in-process runner: registry misses, unsupported members, limits and settings.</summary>
public sealed class WorkflowBehaviourTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-wf-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly ActivityLog _log = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryStartAsync_UnregisteredWorkflow_FailsInstance()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        Assert.True(await host.Scheduler.TryStartAsync("NoSuchWorkflow", "missing-1", null, Token));
        var info = await host.WaitForFinishAsync("missing-1");

        Assert.Equal(WorkflowInstanceStatus.Failed, info.Status);
        Assert.Equal("Workflow 'NoSuchWorkflow' is not registered in this app.", info.FailureMessage);
    }

    [Fact]
    public async Task WaitForExternalEvent_InProcess_Fails()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(nameof(ExternalEventWorkflow), "event-1", "x", Token);
        var info = await host.WaitForFinishAsync("event-1");

        Assert.Equal(WorkflowInstanceStatus.Failed, info.Status);
        Assert.Contains("does not support external events", info.FailureMessage);
    }

    [Fact]
    public async Task TryStartAsync_OverLimit_StaysPending()
    {
        _log.WritebackGate = ActivityLog.ClosedGate();
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time, maxConcurrentInstances: 1);
        await host.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-1", new OrderInput("SO-1"), Token);
        await WorkflowTestHost.WaitUntilAsync(() => _log.CallsOf(nameof(WritebackActivity)) == 1, "writeback runs");

        await host.Scheduler.TryStartAsync(nameof(OrderTestWorkflow), "order-2", new OrderInput("SO-2"), Token);

        Assert.Equal(WorkflowInstanceStatus.Pending, (await host.Scheduler.GetAsync("order-2", Token))!.Status);
        Assert.Equal(1, _log.CallsOf(nameof(ReserveActivity)));
        _log.WritebackGate.SetResult();
        Assert.Equal(WorkflowInstanceStatus.Completed, (await host.WaitForFinishAsync("order-1")).Status);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await host.WaitForFinishAsync("order-2")).Status);
        Assert.True(await host.Runner.WaitForIdleAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task RunAsync_FanOut_RunsBranchesAndSums()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(nameof(FanOutWorkflow), "fan-1", new[] { 1, 2, 3 }, Token);
        var info = await host.WaitForFinishAsync("fan-1");

        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal(60, WorkflowTestHost.Output<int>(info));
        Assert.Equal(6, _log.CallsOf(nameof(EchoActivity)));
    }

    [Fact]
    public async Task CallActivityAsync_OutputNotDeserializable_FailsInstance()
    {
        await using var host = await WorkflowTestHost.StartAsync(_path, _log, _time);

        await host.Scheduler.TryStartAsync(nameof(OneWayWorkflow), "one-way-1", 21, Token);
        var info = await host.WaitForFinishAsync("one-way-1");

        // The output goes through JSON as under Dapr, so a type that does not round-trip fails in process too.
        Assert.Equal(WorkflowInstanceStatus.Failed, info.Status);
        Assert.Contains(nameof(OneWayValue), info.FailureMessage);
    }

    [Fact]
    public async Task StartAsync_ZeroLimit_FailsNamingKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => WorkflowTestHost.StartAsync(_path, _log, _time, maxConcurrentInstances: 0));

        Assert.Contains(nameof(WorkflowRunnerOptions.MaxConcurrentInstances), error.Message);
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
