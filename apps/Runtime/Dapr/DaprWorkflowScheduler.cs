using System.Text.Json;
using Dapr.Workflow;
using DaprSync.Runtime.Workflows;
using Grpc.Core;

namespace DaprSync.Runtime.Dapr;

/// <summary>
/// <see cref="IWorkflowScheduler"/> over Dapr Workflow: instances are scheduled on and read from the sidecar.
/// </summary>
public sealed class DaprWorkflowScheduler(IDaprWorkflowClient client) : IWorkflowScheduler
{
    public async Task<bool> TryStartAsync(
        string workflowName,
        string instanceId,
        object? input,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);

        if (await IsActiveAsync(instanceId, cancellationToken))
        {
            return false;
        }

        try
        {
            await client.ScheduleNewWorkflowAsync(workflowName, instanceId, input, null, cancellationToken);
            return true;
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another caller may have scheduled the same id between the read and the schedule call, and the
            // sidecar rejects a second schedule of an active instance. Any other error is rethrown.
            if (await IsActiveAsync(instanceId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);

        var state = await client.GetWorkflowStateAsync(instanceId, true, cancellationToken);
        if (state is null || !state.Exists)
        {
            return null;
        }

        var status = ToStatus(state.RuntimeStatus);
        var finished = status is WorkflowInstanceStatus.Completed
            or WorkflowInstanceStatus.Failed
            or WorkflowInstanceStatus.Terminated;
        return new WorkflowInstanceInfo(
            instanceId,
            state.WorkflowName ?? string.Empty,
            status,
            status == WorkflowInstanceStatus.Completed ? ReadOutputJson(state) : null,
            state.FailureDetails?.ErrorMessage,
            state.CreatedAt,
            finished ? state.LastUpdatedAt : null);
    }

    /// <summary>
    /// Maps Dapr's runtime status onto the seam's. Suspended, stalled and continued-as-new instances are not
    /// finished, so they count as running; canceled counts as terminated.
    /// </summary>
    internal static WorkflowInstanceStatus ToStatus(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Completed => WorkflowInstanceStatus.Completed,
        WorkflowRuntimeStatus.Failed => WorkflowInstanceStatus.Failed,
        WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled => WorkflowInstanceStatus.Terminated,
        WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Unknown => WorkflowInstanceStatus.Pending,
        _ => WorkflowInstanceStatus.Running,
    };

    private async Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await client.GetWorkflowStateAsync(instanceId, false, cancellationToken);
        return state is { Exists: true }
            && ToStatus(state.RuntimeStatus) is WorkflowInstanceStatus.Pending or WorkflowInstanceStatus.Running;
    }

    private static string? ReadOutputJson(WorkflowState state)
    {
        var output = state.ReadOutputAs<JsonElement>();
        return output.ValueKind == JsonValueKind.Undefined ? null : output.GetRawText();
    }
}
