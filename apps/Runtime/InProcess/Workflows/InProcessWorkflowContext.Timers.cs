using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>Durable timers: the fire time is journaled before the wait, so a restart waits only the rest.</summary>
internal sealed partial class InProcessWorkflowContext
{
    private const string CanceledTimerMarker = "canceled";

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var sequence = TakeSequence();
        var journaled = Replay(sequence, WorkflowStepKind.Timer, "timer");
        if (journaled?.CompletedAt is null)
        {
            ThrowIfStopping();
        }

        var outcome = WaitForOutcomeAsync(sequence);
        if (journaled is null)
        {
            var fireAtUtc = fireAt.Kind switch
            {
                DateTimeKind.Local => new DateTimeOffset(fireAt.ToUniversalTime(), TimeSpan.Zero),
                _ => new DateTimeOffset(DateTime.SpecifyKind(fireAt, DateTimeKind.Utc), TimeSpan.Zero),
            };
            var created = new WorkflowStep(
                sequence, WorkflowStepKind.Timer, "timer", string.Empty, null, fireAtUtc, null);
            _ = Task.Run(
                () => RunLiveTimerAsync(created, journalCreation: true, cancellationToken), CancellationToken.None);
        }
        else if (journaled.CompletedAt is null)
        {
            // Created before the restart but not fired yet: wait for what is left of it.
            _ = Task.Run(
                () => RunLiveTimerAsync(journaled, journalCreation: false, cancellationToken), CancellationToken.None);
        }

        var step = await outcome;
        if (step.ResultJson == CanceledTimerMarker)
        {
            throw new TaskCanceledException($"Timer {sequence} of workflow instance '{InstanceId}' was canceled.");
        }
    }

    /// <summary>Journals a new timer's fire time, waits off the workflow's context, then journals the firing.</summary>
    private async Task RunLiveTimerAsync(
        WorkflowStep timer, bool journalCreation, CancellationToken cancellationToken)
    {
        try
        {
            if (journalCreation)
            {
                await _environment.Journal.AppendAsync(InstanceId, timer, CancellationToken.None);
            }

            var fired = await WaitForFireTimeAsync(timer, cancellationToken);
            await CompleteLiveAsync(
                fired, step => _environment.Journal.CompleteTimerAsync(InstanceId, step, CancellationToken.None));
        }
        catch (Exception exception)
        {
            // A stop of the runner, or a journal that cannot be written: the run ends without storing an outcome.
            Abort(exception);
        }
    }

    private async Task<WorkflowStep> WaitForFireTimeAsync(WorkflowStep timer, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _environment.Stopping);
        var canceled = false;
        var delay = timer.FireAt!.Value - _environment.Time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, _environment.Time, wait.Token);
            }
            catch (OperationCanceledException) when (!_environment.Stopping.IsCancellationRequested)
            {
                // The workflow canceled its own timer. Journal that, so replays see the same cancellation.
                canceled = true;
            }
        }

        // A fired timer completes at its fire time, so CurrentUtcDateTime after it does not depend on how late
        // the runner noticed.
        var now = _environment.Time.GetUtcNow();
        var completedAt = canceled || now < timer.FireAt.Value ? now : timer.FireAt.Value;
        return timer with { CompletedAt = completedAt, ResultJson = canceled ? CanceledTimerMarker : string.Empty };
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning,
        Message = "Activity {ActivityName} of workflow instance {InstanceId} failed (attempt {Attempt}); "
            + "retrying in {Delay}")]
    private static partial void LogActivityRetry(
        ILogger logger, string activityName, string instanceId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning,
        Message = "Activity {ActivityName} of workflow instance {InstanceId} failed at step {Sequence}")]
    private static partial void LogActivityFailed(
        ILogger logger, Exception exception, string activityName, string instanceId, int sequence);
}
