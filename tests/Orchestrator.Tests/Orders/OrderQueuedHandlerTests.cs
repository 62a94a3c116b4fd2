using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Orders;

public sealed class OrderQueuedHandlerTests
{
    private const string OrderId = OrderFlowHarness.OrderId;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeWorkflowScheduler scheduler = new();
    private readonly InMemoryStateStore state;
    private readonly SyncOutcomeStore outcomes;
    private readonly OrderQueuedHandler handler;

    public OrderQueuedHandlerTests()
    {
        state = new InMemoryStateStore(time);
        outcomes = new SyncOutcomeStore(state, time, NullLogger<SyncOutcomeStore>.Instance);
        handler = new OrderQueuedHandler(
            scheduler, outcomes, state, Options.Create(new OrderSyncOptions()), time, NullLogger<OrderQueuedHandler>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_NewEvent_StartsWorkflowForOrder()
    {
        var response = await handler.HandleAsync(Event("event-1"), null, Token);

        Assert.Equal(TopicResponse.Success, response);
        var (name, instanceId, input) = Assert.Single(scheduler.Starts);
        Assert.Equal(nameof(OrderSyncWorkflow), name);
        Assert.Equal($"order-{OrderId}", instanceId);
        var syncInput = Assert.IsType<OrderSyncInput>(input);
        Assert.Equal(OrderId, syncInput.OrderId);
        Assert.Equal(10, syncInput.Retry?.MaxAttempts);
    }

    [Fact]
    public async Task HandleAsync_SameEventThreeTimes_StartsOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TopicResponse.Success, await handler.HandleAsync(Event("event-1"), null, Token));
        }

        Assert.Single(scheduler.Starts);
        Assert.Null(await state.GetAsync<DateTimeOffset>(OrderQueuedHandler.RerunFlagKey(OrderId), Token));
    }

    [Fact]
    public async Task HandleAsync_InstanceRunning_SetsRerunFlag()
    {
        await handler.HandleAsync(Event("event-1"), null, Token);
        scheduler.Status = WorkflowInstanceStatus.Running;

        var response = await handler.HandleAsync(Event("event-2"), null, Token);

        Assert.Equal(TopicResponse.Success, response);
        Assert.Single(scheduler.Starts);
        Assert.NotNull(await state.GetAsync<DateTimeOffset>(OrderQueuedHandler.RerunFlagKey(OrderId), Token));
    }

    [Fact]
    public async Task HandleAsync_InstanceFinishedMeanwhile_StartsNewInstance()
    {
        await handler.HandleAsync(Event("event-1"), null, Token);

        // The first start attempt finds the instance running, and by the time of the status read it has completed.
        scheduler.RejectNextStart = true;
        scheduler.Status = WorkflowInstanceStatus.Completed;
        var response = await handler.HandleAsync(Event("event-2"), null, Token);

        Assert.Equal(TopicResponse.Success, response);
        Assert.Equal(2, scheduler.Starts.Count);
        Assert.Null(await state.GetAsync<DateTimeOffset>(OrderQueuedHandler.RerunFlagKey(OrderId), Token));
    }

    [Fact]
    public async Task HandleAsync_MissingOrderId_DropsAndRecords()
    {
        var response = await handler.HandleAsync(Event("event-9") with { OrderId = " " }, null, Token);

        Assert.Equal(TopicResponse.Drop, response);
        Assert.Empty(scheduler.Starts);
        var outcome = Assert.Single(await outcomes.ListAsync("order", Token));
        Assert.Equal("MALFORMED_EVENT", outcome.ErrorCode);
        Assert.Equal("OrderId", outcome.Field);
    }

    private OrderQueuedEvent Event(string eventId) => new(eventId, OrderId, time.GetUtcNow());

    /// <summary>
    /// Scheduler fake: the first start of an instance id succeeds, later starts while <see cref="Status"/> is
    /// pending or running are rejected, as Dapr Workflow rejects a second instance with a live id.
    /// </summary>
    private sealed class FakeWorkflowScheduler : IWorkflowScheduler
    {
        public List<(string Name, string InstanceId, object? Input)> Starts { get; } = [];

        public WorkflowInstanceStatus? Status { get; set; }

        public bool RejectNextStart { get; set; }

        public Task<bool> TryStartAsync(
            string workflowName, string instanceId, object? input, CancellationToken cancellationToken = default)
        {
            if (RejectNextStart)
            {
                RejectNextStart = false;
                return Task.FromResult(false);
            }

            if (Status is WorkflowInstanceStatus.Pending or WorkflowInstanceStatus.Running)
            {
                return Task.FromResult(false);
            }

            Starts.Add((workflowName, instanceId, input));
            Status ??= WorkflowInstanceStatus.Completed;
            return Task.FromResult(true);
        }

        public Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult<WorkflowInstanceInfo?>(Status is { } status
                ? new WorkflowInstanceInfo(instanceId, nameof(OrderSyncWorkflow), status, null, null, DateTimeOffset.UnixEpoch, null)
                : null);
    }
}
