using System.Reflection;
using Dapr.Common.Serialization;
using Dapr.Workflow;

namespace DaprSync.Runtime.Tests.Workflows;

/// <summary>
/// Builds the <see cref="WorkflowState"/> that <see cref="IDaprWorkflowClient.GetWorkflowStateAsync"/> returns.
/// Dapr.Workflow 1.19.1 gives the type no public constructor (only the client builds one from the sidecar's
/// response), so this sets the SDK's internal metadata record by reflection. A change of those internals fails
/// these tests loudly.
/// </summary>
internal static class DaprWorkflowStates
{
    private static readonly Assembly WorkflowAssembly = typeof(WorkflowState).Assembly;

    public static WorkflowState Missing() => Create(null);

    public static WorkflowState With(
        WorkflowRuntimeStatus status,
        string workflowName = "OrderSyncWorkflow",
        string? outputJson = null,
        WorkflowTaskFailureDetails? failure = null)
    {
        var metadataType = WorkflowAssembly.GetType("Dapr.Workflow.Client.WorkflowMetadata", throwOnError: true)!;
        var metadata = Activator.CreateInstance(
            metadataType,
            "instance-1",
            workflowName,
            status,
            new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 4, 9, 5, 0, DateTimeKind.Utc),
            new JsonDaprSerializer())!;
        metadataType.GetProperty("SerializedOutput")!.SetValue(metadata, outputJson);
        metadataType.GetProperty("FailureDetails")!.SetValue(metadata, failure);
        return Create(metadata);
    }

    private static WorkflowState Create(object? metadata)
    {
        var constructor = typeof(WorkflowState)
            .GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
            .Single();
        return (WorkflowState)constructor.Invoke([metadata]);
    }
}
