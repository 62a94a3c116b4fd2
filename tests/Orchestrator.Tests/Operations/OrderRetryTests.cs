using System.Net;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Orchestrator.Tests.Operations;

public sealed class OrderRetryTests
{
    private const string OrderId = "801000000000001AAA";

    [Fact]
    public async Task Retry_OrderFailure_StartsWorkflowWithOrderSyncInput()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var scheduler = new RecordingWorkflowScheduler();
        await using var host = await OperationsHost.StartAsync(
            configure: services => services.AddSingleton<IWorkflowScheduler>(scheduler));
        var outcomes = host.App.Services.GetRequiredService<SyncOutcomeStore>();
        await outcomes.RecordAsync(
            OrderQueuedHandler.Flow,
            RecordResult.Failed(OrderId, "INVALID_KEY_OR_REF", "Invalid item reference key 42.", "Lines[0].Sku"),
            cancellationToken);

        using var retry = await host.Admin.PostAsync(
            $"admin/failures/{OrderQueuedHandler.Flow}/{OrderId}/retry", null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var start = Assert.Single(scheduler.Starts);
        Assert.Equal(nameof(OrderSyncWorkflow), start.Name);
        Assert.Equal(OrderSyncWorkflow.InstanceIdFor(OrderId), start.InstanceId);
        var input = Assert.IsType<OrderSyncInput>(start.Input);
        Assert.Equal(OrderId, input.OrderId);
        Assert.StartsWith("retry-", input.EventId, StringComparison.Ordinal);
        Assert.Equal(new OrderSyncOptions().ToRetrySettings(), input.Retry);
        Assert.Equal(1, input.Run);
        var stored = await outcomes.GetAsync(OrderQueuedHandler.Flow, OrderId, cancellationToken);
        Assert.Equal(FailureStatus.Retried, stored!.Status);
    }

    /// <summary>Scheduler fake that records every start and starts each one.</summary>
    private sealed class RecordingWorkflowScheduler : IWorkflowScheduler
    {
        public List<(string Name, string InstanceId, object? Input)> Starts { get; } = [];

        public Task<bool> TryStartAsync(
            string workflowName, string instanceId, object? input, CancellationToken cancellationToken = default)
        {
            Starts.Add((workflowName, instanceId, input));
            return Task.FromResult(true);
        }

        public Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult<WorkflowInstanceInfo?>(null);
    }
}
