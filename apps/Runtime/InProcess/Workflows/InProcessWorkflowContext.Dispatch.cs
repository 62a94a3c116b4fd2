namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// Hands step outcomes to the workflow code one at a time, in completion order, whenever the code is idle. On a
/// replay the journaled outcomes come first, in the order the code first saw them, then the outcomes produced in
/// this run, in the order they were journaled. This keeps the order in which concurrent branches take sequence
/// numbers the same on every run, as Dapr does by replaying its history events in order.
/// </summary>
internal sealed partial class InProcessWorkflowContext
{
    private readonly Lock _dispatchGate = new();
    private readonly Dictionary<long, WorkflowStep> _completions = [];
    private readonly Dictionary<int, TaskCompletionSource<WorkflowStep>> _waiting = [];
    private readonly long _replayedCount;
    private readonly long _storedOrderBase;
    private long _nextLiveIndex;
    private long _nextDelivery;
    private SynchronizationContext? _pump;
    private volatile Exception? _abortReason;

    /// <summary>
    /// Delivers the next outcome if its step has been called. Returns false when there is nothing to deliver yet.
    /// Throws when the next journaled outcome belongs to a step the code has not called although it is idle, which
    /// means the code no longer matches the journal.
    /// </summary>
    public bool DispatchNext()
    {
        WorkflowStep? step;
        TaskCompletionSource<WorkflowStep>? completion;
        lock (_dispatchGate)
        {
            if (!_completions.TryGetValue(_nextDelivery, out step))
            {
                return false;
            }

            if (!_waiting.Remove(step.Sequence, out completion))
            {
                if (_nextDelivery < _replayedCount && _abortReason is null)
                {
                    throw new InvalidOperationException(
                        $"Workflow '{Name}' instance '{InstanceId}' is not deterministic: the journal has step "
                        + $"{step.Sequence} ({step.Kind} '{step.Name}') completed, but the code waits without "
                        + "calling it. Workflow code must call the same activities and timers on every run.");
                }

                return false;
            }

            _completions.Remove(_nextDelivery);
            Interlocked.Increment(ref _nextDelivery);
        }

        AdvanceTo(step.CompletedAt);
        completion.SetResult(step);
        return true;
    }

    /// <summary>Registers the caller, on the workflow's context, as waiting for the outcome of a step.</summary>
    private Task<WorkflowStep> WaitForOutcomeAsync(int sequence)
    {
        _pump ??= SynchronizationContext.Current;
        var completion = new TaskCompletionSource<WorkflowStep>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_dispatchGate)
        {
            _waiting.Add(sequence, completion);
        }

        return completion.Task;
    }

    /// <summary>
    /// Journals the outcome of a step that ran in this run, under the next completion order, and queues it for
    /// delivery. Runs off the workflow's context.
    /// </summary>
    private async Task CompleteLiveAsync(WorkflowStep step, Func<WorkflowStep, Task> journal)
    {
        long index;
        lock (_dispatchGate)
        {
            index = _nextLiveIndex++;
        }

        step = step with { CompletionOrder = _storedOrderBase + (index - _replayedCount) };
        await journal(step);
        lock (_dispatchGate)
        {
            _completions[index] = step;
        }

        // An empty callback wakes the workflow's context, which then dispatches.
        _pump?.Post(static _ => { }, null);
    }

    /// <summary>Ends the run: every waiting call gets <paramref name="reason"/>, and no new step starts.</summary>
    private void Abort(Exception reason)
    {
        _abortReason ??= reason;
        TaskCompletionSource<WorkflowStep>[] waiting;
        lock (_dispatchGate)
        {
            waiting = [.. _waiting.Values];
            _waiting.Clear();
        }

        foreach (var completion in waiting)
        {
            completion.TrySetException(reason);
        }
    }
}
