namespace DaprSync.Runtime.Workflows;

/// <summary>
/// Starts and inspects workflow instances: Dapr Workflow under Dapr, the in-process runner otherwise. Flows
/// use this seam and never a Dapr workflow client directly.
/// </summary>
public interface IWorkflowScheduler
{
    /// <summary>
    /// Starts <paramref name="workflowName"/> as <paramref name="instanceId"/> unless an instance with that id is
    /// pending or running. Returns true when it started one; false when one was already running. A completed,
    /// failed or terminated instance with the same id is replaced by the new one.
    /// </summary>
    Task<bool> TryStartAsync(
        string workflowName,
        string instanceId,
        object? input,
        CancellationToken cancellationToken = default);

    /// <summary>The instance's state, or null when no instance has that id.</summary>
    Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>The runtime status of a workflow instance, as Dapr Workflow reports it.</summary>
public enum WorkflowInstanceStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

/// <summary>
/// A workflow instance's state. <see cref="OutputJson"/> is the serialized output of a completed instance;
/// <see cref="FailureMessage"/> the error of a failed one.
/// </summary>
public sealed record WorkflowInstanceInfo(
    string InstanceId,
    string WorkflowName,
    WorkflowInstanceStatus Status,
    string? OutputJson,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);
