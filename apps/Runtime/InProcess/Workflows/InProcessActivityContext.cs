using Dapr.Workflow;
using Dapr.Workflow.Abstractions;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// The context passed to an activity that the in-process runner executes. The task execution key is the step's
/// sequence number, which stays the same when the step is executed again after a restart.
/// </summary>
internal sealed class InProcessActivityContext(
    string activityName,
    string instanceId,
    int sequence,
    CancellationToken cancellationToken) : WorkflowActivityContext
{
    public override TaskIdentifier Identifier { get; } = new(activityName);

    public override string TaskExecutionKey { get; } = $"{instanceId}:{sequence}";

    public override int ScheduledEventId => sequence;

    public override string InstanceId => instanceId;

    public override CancellationToken CancellationToken => cancellationToken;
}
