using Dapr.Workflow;
using Dapr.Common.Serialization;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// The <see cref="WorkflowContext"/> of one run of a workflow instance in process. Each durable call (activity
/// attempt or timer) takes the next sequence number. A call whose number is already in the journal gets the
/// journaled outcome instead of running again, so re-running the workflow code after a restart replays it.
/// </summary>
/// <remarks>
/// The runner executes the workflow code on a <see cref="WorkflowSynchronizationContext"/>, so continuations run
/// one at a time, and outcomes reach the code in the order they were journaled (see the dispatch part). Code that
/// leaves that context (<c>ConfigureAwait(false)</c>, <c>Task.Run</c>) can replay nondeterministically, as under
/// Dapr.
/// </remarks>
internal sealed partial class InProcessWorkflowContext : WorkflowContext
{
    private readonly WorkflowRunEnvironment _environment;
    private readonly Dictionary<int, WorkflowStep> _history;
    private readonly ILogger _logger;
    private int _nextSequence;
    private int _guidCounter;
    private DateTime _currentUtcDateTime;

    public InProcessWorkflowContext(
        WorkflowRunEnvironment environment, WorkflowInstanceRecord instance, IReadOnlyList<WorkflowStep> history)
    {
        _environment = environment;
        Name = instance.WorkflowName;
        InstanceId = instance.InstanceId;
        _history = history.ToDictionary(step => step.Sequence);

        // Journaled completions, renumbered 0..n-1 in the order the code saw them. Rows written before the
        // completion order existed have none and go first, by sequence number.
        var completed = history
            .Where(step => step.Kind == WorkflowStepKind.Activity || step.CompletedAt is not null)
            .OrderBy(step => step.CompletionOrder ?? long.MinValue)
            .ThenBy(step => step.Sequence)
            .ToList();
        for (var index = 0; index < completed.Count; index++)
        {
            _completions[index] = completed[index];
        }

        _replayedCount = completed.Count;
        _nextLiveIndex = completed.Count;
        _storedOrderBase = completed.Count == 0 ? 0 : (completed[^1].CompletionOrder ?? 0) + 1;
        _currentUtcDateTime = instance.StartedAt.UtcDateTime;
        _logger = environment.LoggerFactory.CreateLogger<InProcessWorkflowContext>();
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    /// <summary>The journaled time of the latest step, or the instance's start time before the first step.</summary>
    public override DateTime CurrentUtcDateTime => _currentUtcDateTime;

    /// <summary>
    /// True while the code runs on journaled outcomes: before the first outcome and after each one that came from
    /// the journal, as long as the journal had any. False once an outcome produced in this run arrived.
    /// </summary>
    public override bool IsReplaying =>
        _replayedCount > 0 && Interlocked.Read(ref _nextDelivery) <= _replayedCount;

    /// <summary>Set when a stop or a journal failure aborted a step; the run's outcome is then not stored.</summary>
    public bool Abandoned => _abortReason is not null;

    /// <summary>The stop or journal failure that abandoned the run, or null.</summary>
    public Exception? AbortReason => _abortReason;

    /// <summary>The serialized input of a requested <see cref="ContinueAsNew"/>, or null.</summary>
    public string? ContinueAsNewInputJson { get; private set; }

    /// <summary>The serialized custom status, or null when the workflow set none.</summary>
    public string? CustomStatusJson { get; private set; }

    private IDaprSerializer Serializer => _environment.Serializer;

    public override void SetCustomStatus(object? customStatus) =>
        CustomStatusJson = customStatus is null ? null : Serializer.Serialize(customStatus, customStatus.GetType());

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewInputJson = newInput is null ? string.Empty : Serializer.Serialize(newInput, newInput.GetType());

    public override Guid NewGuid() => DeterministicGuid.Create(InstanceId, Interlocked.Increment(ref _guidCounter) - 1);

    // NOTE: patch markers are not journaled, so an instance that began before a patch also takes the patched
    // branch when it resumes in process. Dapr records the decision in the history instead.
    public override bool IsPatched(string patchName) => true;

    public override PropagatedHistory? GetPropagatedHistory() => null;

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(_environment.LoggerFactory.CreateLogger(categoryName), () => IsReplaying);

    public override ILogger CreateReplaySafeLogger(Type type) => CreateReplaySafeLogger(type.FullName ?? type.Name);

    public override ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));

    public override Task<T> WaitForExternalEventAsync<T>(
        string eventName, CancellationToken cancellationToken = default) =>
        throw Unsupported("external events (WaitForExternalEventAsync)");

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw Unsupported("external events (SendEvent)");

    public override Task<TResult> CallChildWorkflowAsync<TResult>(
        string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw Unsupported("child workflows (CallChildWorkflowAsync)");

    public override Task<string> ScheduleNewDetachedWorkflowAsync(
        string workflowName, string? instanceId = null, object? input = null, DateTimeOffset? startTime = null) =>
        throw Unsupported("detached workflows (ScheduleNewDetachedWorkflowAsync)");

    public override Task<string> ScheduleNewDetachedWorkflowAsync(
        string workflowName,
        string? instanceId,
        object? input,
        DateTimeOffset? startTime,
        WorkflowTaskOptions? options) =>
        throw Unsupported("detached workflows (ScheduleNewDetachedWorkflowAsync)");

    private int TakeSequence() => Interlocked.Increment(ref _nextSequence) - 1;

    private void AdvanceTo(DateTimeOffset? stepTime)
    {
        if (stepTime is { } time && time.UtcDateTime > _currentUtcDateTime)
        {
            _currentUtcDateTime = time.UtcDateTime;
        }
    }

    private WorkflowStep? Replay(int sequence, WorkflowStepKind kind, string name)
    {
        if (!_history.TryGetValue(sequence, out var step))
        {
            return null;
        }

        if (step.Kind != kind || !string.Equals(step.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Workflow '{Name}' instance '{InstanceId}' is not deterministic: step {sequence} is "
                + $"{step.Kind} '{step.Name}' in the journal, but the code now calls {kind} '{name}'. "
                + "Workflow code must call the same activities and timers in the same order on every run.");
        }

        return step;
    }

    private void ThrowIfStopping()
    {
        if (_abortReason is { } reason)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reason);
        }

        if (_environment.Stopping.IsCancellationRequested)
        {
            var stopped = new OperationCanceledException(_environment.Stopping);
            Abort(stopped);
            throw stopped;
        }
    }

    private static NotSupportedException Unsupported(string feature) =>
        new($"The in-process workflow runner does not support {feature}. Run the app with Runtime:Mode=Dapr to use "
            + "them, or restructure the workflow around activities and timers.");
}
