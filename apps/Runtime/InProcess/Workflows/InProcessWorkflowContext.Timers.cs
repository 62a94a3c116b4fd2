using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>Durable timers: the fire time is journaled before the wait, so a restart waits only the rest.</summary>
internal sealed partial class InProcessWorkflowContext
{
    private const string CanceledTimerMarker = "canceled";

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var sequence = TakeSequence();
        var step = Replay(sequence, WorkflowStepKind.Timer, "timer");
        if (step is null)
        {
            ThrowIfStopping();
            var fireAtUtc = fireAt.Kind switch
            {
                DateTimeKind.Local => new DateTimeOffset(fireAt.ToUniversalTime(), TimeSpan.Zero),
                _ => new DateTimeOffset(DateTime.SpecifyKind(fireAt, DateTimeKind.Utc), TimeSpan.Zero),
            };
            step = new WorkflowStep(sequence, WorkflowStepKind.Timer, "timer", string.Empty, null, fireAtUtc, null);
            await _environment.Journal.AppendAsync(InstanceId, step, CancellationToken.None);
        }

        if (step.CompletedAt is null)
        {
            step = await WaitForTimerAsync(step, cancellationToken);
        }

        AdvanceTo(step.CompletedAt);
        if (step.ResultJson == CanceledTimerMarker)
        {
            throw new TaskCanceledException($"Timer {sequence} of workflow instance '{InstanceId}' was canceled.");
        }
    }

    private async Task<WorkflowStep> WaitForTimerAsync(WorkflowStep step, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _environment.Stopping);
        var canceled = false;
        var delay = step.FireAt!.Value - _environment.Time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, _environment.Time, wait.Token);
            }
            catch (OperationCanceledException) when (_environment.Stopping.IsCancellationRequested)
            {
                Abandoned = true;
                throw;
            }
            catch (OperationCanceledException)
            {
                // The workflow canceled its own timer. Journal that, so replays see the same cancellation.
                canceled = true;
            }
        }

        // A fired timer completes at its fire time, so CurrentUtcDateTime after it does not depend on how late
        // the runner noticed.
        var now = _environment.Time.GetUtcNow();
        var completedAt = canceled || now < step.FireAt.Value ? now : step.FireAt.Value;
        var result = canceled ? CanceledTimerMarker : string.Empty;
        await _environment.Journal.CompleteTimerAsync(
            InstanceId, step.Sequence, completedAt, result, CancellationToken.None);
        return step with { CompletedAt = completedAt, ResultJson = result };
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
