using System.Text.Json;
using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Orchestrator.Tests.Orders;

/// <summary>
/// Runs a workflow's activities in order on the test thread, standing in for the Dapr sidecar that cannot run
/// here. Inputs and outputs pass through JSON, as they do in a workflow journal, and a throwing activity is
/// repeated up to the retry policy's attempts without waiting, then raised as <see cref="WorkflowTaskFailedException"/>.
/// </summary>
internal sealed class FakeWorkflowContext(string instanceId, IReadOnlyDictionary<string, IWorkflowActivity> activities)
    : WorkflowContext
{
    public List<(string Name, int Attempts)> Calls { get; } = [];

    public object? ContinuedAsNewWith { get; private set; }

    public override string Name => "OrderSyncWorkflow";

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    public override bool IsReplaying => false;

    public override bool IsPatched(string patchName) => true;

    public override async Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        var activity = activities[name];
        var maxAttempts = options?.RetryPolicy?.MaxNumberOfAttempts ?? 1;
        var json = JsonSerializer.Serialize(input);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var journaledInput = JsonSerializer.Deserialize(json, activity.InputType);
                var output = await activity.RunAsync(new FakeActivityContext(name, instanceId), journaledInput);
                Calls.Add((name, attempt));
                return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(output, activity.OutputType))!;
            }
            catch (Exception exception) when (exception is not WorkflowTaskFailedException)
            {
                if (attempt >= maxAttempts)
                {
                    Calls.Add((name, attempt));
                    var details = new WorkflowTaskFailureDetails(
                        exception.GetType().FullName!, exception.Message, exception.StackTrace);
                    throw new WorkflowTaskFailedException($"Activity {name} failed: {exception.Message}", details);
                }
            }
        }
    }

    public override Task CallActivityAsync(string name, object? input = null, WorkflowTaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedAsNewWith = newInput;

    public override ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    public override ILogger CreateReplaySafeLogger(Type type) => NullLogger.Instance;

    public override ILogger CreateReplaySafeLogger<T>() => NullLogger<T>.Instance;

    public override Guid NewGuid() => Guid.Empty;

    public override PropagatedHistory? GetPropagatedHistory() => null;

    public override Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order workflow sets no timers.");

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order workflow sets no timers.");

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order workflow waits for no events.");

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout) =>
        throw new NotSupportedException("The order workflow waits for no events.");

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException("The order workflow sends no events.");

    public override void SetCustomStatus(object? customStatus)
    {
    }

    public override Task<TResult> CallChildWorkflowAsync<TResult>(
        string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw new NotSupportedException("The order workflow starts no child workflows.");

    public override Task CallChildWorkflowAsync(
        string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw new NotSupportedException("The order workflow starts no child workflows.");
}

/// <summary>The activity side of <see cref="FakeWorkflowContext"/>.</summary>
internal sealed class FakeActivityContext(string name, string instanceId) : WorkflowActivityContext
{
    public override TaskIdentifier Identifier => new(name);

    public override string InstanceId => instanceId;

    public override string TaskExecutionKey => $"{instanceId}:{name}";

    public override CancellationToken CancellationToken => TestContext.Current.CancellationToken;
}
