using Dapr.Workflow;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>Activity calls: replay from the journal, or execution, retries and journaling of the outcome.</summary>
internal sealed partial class InProcessWorkflowContext
{
    public override async Task<T> CallActivityAsync<T>(
        string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var inputJson = input is null ? string.Empty : Serializer.Serialize(input, input.GetType());
        if (options?.RetryPolicy is not { } policy)
        {
            return await CallActivityOnceAsync<T>(name, inputJson);
        }

        // Each attempt is its own step and each wait is a durable timer, as in the retry interceptor of
        // Dapr.Workflow 1.19. A restart therefore replays failed attempts and waits instead of repeating them.
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await CallActivityOnceAsync<T>(name, inputJson);
            }
            catch (WorkflowTaskFailedException) when (attempt + 1 < policy.MaxNumberOfAttempts
                && RetryDelay(policy, attempt, firstAttemptAt) is { } delay)
            {
                LogActivityRetry(_logger, name, InstanceId, attempt + 1, delay);
                if (!IsReplaying)
                {
                    // A replayed failure was counted in the run that met it.
                    _environment.Services.GetService<DaprSyncMetrics>()?.RecordRetry("activity", name);
                }

                await CreateTimer(delay, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Computes the wait before the retry that follows attempt <paramref name="attempt"/> (0-based). The wait is
    /// the first interval times the backoff coefficient to the power of the attempt, capped at the maximum
    /// interval. Returns null when the retry timeout has passed since the first attempt.
    /// </summary>
    private TimeSpan? RetryDelay(WorkflowRetryPolicy policy, int attempt, DateTime firstAttemptAt)
    {
        var timeout = policy.RetryTimeout;
        if (timeout != Timeout.InfiniteTimeSpan && timeout != TimeSpan.MaxValue
            && CurrentUtcDateTime >= firstAttemptAt.Add(timeout))
        {
            return null;
        }

        var delay = TimeSpan.FromMilliseconds(
            policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, attempt));
        return policy.MaxRetryInterval is { } max && delay > max ? max : delay;
    }

    private async Task<T> CallActivityOnceAsync<T>(string name, string inputJson)
    {
        var sequence = TakeSequence();
        var journaled = Replay(sequence, WorkflowStepKind.Activity, name);
        if (journaled is null)
        {
            ThrowIfStopping();
        }

        var outcome = WaitForOutcomeAsync(sequence);
        if (journaled is null)
        {
            _ = Task.Run(() => RunLiveActivityAsync(sequence, name, inputJson), CancellationToken.None);
        }

        var step = await outcome;
        if (step.Failure is { } failure)
        {
            throw new WorkflowTaskFailedException($"Task failed: {failure.ErrorMessage}", failure);
        }

        return string.IsNullOrEmpty(step.ResultJson) ? default! : Serializer.Deserialize<T>(step.ResultJson)!;
    }

    /// <summary>Executes an activity off the workflow's context and journals its outcome.</summary>
    private async Task RunLiveActivityAsync(int sequence, string name, string inputJson)
    {
        try
        {
            var step = await ExecuteActivityAsync(sequence, name, inputJson);
            await CompleteLiveAsync(step, async journaled =>
            {
                await _environment.Journal.AppendAsync(InstanceId, journaled, CancellationToken.None);
                await FlushCustomStatusAsync();
            });
        }
        catch (Exception exception)
        {
            // A stop of the runner, or a journal that cannot be written: the run ends without storing an outcome.
            Abort(exception);
        }
    }

    /// <summary>
    /// Runs the activity in its own service scope and returns the step to journal. Every failure of the activity,
    /// including a missing registration or an input that does not deserialize, becomes a failed step, except a
    /// failure after the runner began to stop, which propagates so the step runs again on the next start.
    /// </summary>
    private async Task<WorkflowStep> ExecuteActivityAsync(int sequence, string name, string inputJson)
    {
        string resultJson = string.Empty;
        WorkflowTaskFailureDetails? failure = null;
        await using (var scope = _environment.Services.CreateAsyncScope())
        {
            try
            {
                var activity = _environment.Catalog.CreateActivity(name, scope.ServiceProvider);
                if (activity is null)
                {
                    failure = new WorkflowTaskFailureDetails(
                        "ActivityNotFoundException", $"Activity '{name}' not found", string.Empty);
                }
                else
                {
                    var input = string.IsNullOrEmpty(inputJson)
                        ? null
                        : Serializer.Deserialize(inputJson, activity.InputType);
                    var context = new InProcessActivityContext(name, InstanceId, sequence, _environment.Stopping);
                    var output = await activity.RunAsync(context, input);
                    resultJson = output is null ? string.Empty : Serializer.Serialize(output, output.GetType());
                }
            }
            catch (Exception exception) when (_environment.Stopping.IsCancellationRequested)
            {
                // A step that fails once the stop began may have failed because of it (a canceled call, a peer
                // app already down), so it is not journaled and runs again on the next start.
                throw new OperationCanceledException(
                    $"Activity '{name}' was interrupted by the stop of the workflow runner.",
                    exception,
                    _environment.Stopping);
            }
            catch (Exception exception)
            {
                LogActivityFailed(_logger, exception, name, InstanceId, sequence);
                failure = new WorkflowTaskFailureDetails(
                    exception.GetType().FullName ?? exception.GetType().Name,
                    exception.Message,
                    exception.StackTrace ?? string.Empty);
            }
        }

        return new WorkflowStep(
            sequence, WorkflowStepKind.Activity, name, resultJson, failure, null, _environment.Time.GetUtcNow());
    }

    private async Task FlushCustomStatusAsync()
    {
        if (CustomStatusJson is { } status)
        {
            await _environment.Journal.SetCustomStatusAsync(
                InstanceId, status, _environment.Time.GetUtcNow(), CancellationToken.None);
        }
    }
}
