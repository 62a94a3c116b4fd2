using Dapr.Workflow;
using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.Workflows;
using Grpc.Core;
using NSubstitute;

namespace DaprSync.Runtime.Tests.Workflows;

/// <summary>
/// The Dapr side of the workflow seam. The sidecar cannot run here, so <see cref="IDaprWorkflowClient"/> is the
/// substituted edge; the tests check which calls the scheduler makes and how it reads the sidecar's responses.
/// </summary>
public sealed class DaprWorkflowSchedulerTests
{
    private readonly IDaprWorkflowClient _client = Substitute.For<IDaprWorkflowClient>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryStartAsync_NoInstance_Schedules()
    {
        StateIs(DaprWorkflowStates.Missing());
        var input = new OrderInput("SO-1");

        var started = await new DaprWorkflowScheduler(_client)
            .TryStartAsync("OrderSyncWorkflow", "order-1", input, Token);

        Assert.True(started);
        await _client.Received(1).ScheduleNewWorkflowAsync("OrderSyncWorkflow", "order-1", input, null, Token);
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Pending)]
    [InlineData(WorkflowRuntimeStatus.Running)]
    [InlineData(WorkflowRuntimeStatus.Suspended)]
    public async Task TryStartAsync_ActiveInstance_ReturnsFalseWithoutScheduling(WorkflowRuntimeStatus status)
    {
        StateIs(DaprWorkflowStates.With(status));

        var started = await new DaprWorkflowScheduler(_client)
            .TryStartAsync("OrderSyncWorkflow", "order-1", null, Token);

        Assert.False(started);
        await _client.DidNotReceiveWithAnyArgs().ScheduleNewWorkflowAsync(default!, default, default, default, Token);
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Completed)]
    [InlineData(WorkflowRuntimeStatus.Failed)]
    [InlineData(WorkflowRuntimeStatus.Terminated)]
    public async Task TryStartAsync_FinishedInstance_SchedulesReplacement(WorkflowRuntimeStatus status)
    {
        StateIs(DaprWorkflowStates.With(status));

        var started = await new DaprWorkflowScheduler(_client)
            .TryStartAsync("OrderSyncWorkflow", "order-1", null, Token);

        Assert.True(started);
        await _client.Received(1).ScheduleNewWorkflowAsync("OrderSyncWorkflow", "order-1", null, null, Token);
    }

    [Fact]
    public async Task TryStartAsync_ScheduledConcurrently_ReturnsFalse()
    {
        // The first read finds no instance. Another caller starts the id before the schedule call arrives, so
        // the sidecar rejects that call and the second read finds the running instance.
        _client.GetWorkflowStateAsync("order-1", false, Token)
            .Returns(DaprWorkflowStates.Missing(), DaprWorkflowStates.With(WorkflowRuntimeStatus.Running));
        _client.ScheduleNewWorkflowAsync("OrderSyncWorkflow", "order-1", null, null, Token)
            .Returns<string>(_ => throw new RpcException(new Status(StatusCode.Unknown, "already exists")));

        var started = await new DaprWorkflowScheduler(_client)
            .TryStartAsync("OrderSyncWorkflow", "order-1", null, Token);

        Assert.False(started);
    }

    [Fact]
    public async Task TryStartAsync_SidecarUnavailable_Throws()
    {
        StateIs(DaprWorkflowStates.Missing());
        _client.ScheduleNewWorkflowAsync("OrderSyncWorkflow", "order-1", null, null, Token)
            .Returns<string>(_ => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new DaprWorkflowScheduler(_client).TryStartAsync("OrderSyncWorkflow", "order-1", null, Token));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task GetAsync_Completed_ReturnsOutput()
    {
        var completed = DaprWorkflowStates.With(
            WorkflowRuntimeStatus.Completed, outputJson: """{"salesOrderId":"42"}""");
        StateIs(completed, true);

        var info = await new DaprWorkflowScheduler(_client).GetAsync("order-1", Token);

        Assert.NotNull(info);
        Assert.Equal("order-1", info.InstanceId);
        Assert.Equal("OrderSyncWorkflow", info.WorkflowName);
        Assert.Equal(WorkflowInstanceStatus.Completed, info.Status);
        Assert.Equal("""{"salesOrderId":"42"}""", info.OutputJson);
        Assert.Null(info.FailureMessage);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), info.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 5, 0, TimeSpan.Zero), info.CompletedAt);
    }

    [Fact]
    public async Task GetAsync_FailedInstance_ReturnsFailureMessage()
    {
        var failure = new WorkflowTaskFailureDetails("System.InvalidOperationException", "Task failed: boom", null);
        StateIs(DaprWorkflowStates.With(WorkflowRuntimeStatus.Failed, failure: failure), true);

        var info = await new DaprWorkflowScheduler(_client).GetAsync("order-1", Token);

        Assert.Equal(WorkflowInstanceStatus.Failed, info!.Status);
        Assert.Equal("Task failed: boom", info.FailureMessage);
        Assert.Null(info.OutputJson);
    }

    [Fact]
    public async Task GetAsync_RunningInstance_HasNoCompletionTime()
    {
        StateIs(DaprWorkflowStates.With(WorkflowRuntimeStatus.Running), true);

        var info = await new DaprWorkflowScheduler(_client).GetAsync("order-1", Token);

        Assert.Equal(WorkflowInstanceStatus.Running, info!.Status);
        Assert.Null(info.CompletedAt);
    }

    [Fact]
    public async Task GetAsync_NoInstance_ReturnsNull()
    {
        StateIs(DaprWorkflowStates.Missing(), true);

        Assert.Null(await new DaprWorkflowScheduler(_client).GetAsync("order-1", Token));
    }

    private void StateIs(WorkflowState state, bool withPayloads = false) =>
        _client.GetWorkflowStateAsync("order-1", withPayloads, Token).Returns(state);
}
