using Dapr.Workflow;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>One instance's background task: wait for a slot, then replay and run the workflow code.</summary>
public sealed partial class InProcessWorkflowRunner
{
    private async Task RunInstanceAsync(string instanceId)
    {
        var slotTaken = false;
        try
        {
            await _slots.WaitAsync(_stopping.Token);
            slotTaken = true;
            while (await RunEpisodeAsync(instanceId))
            {
                // ContinueAsNew: the instance starts over with its new input.
            }
        }
        catch (Exception exception) when (_stopping.IsCancellationRequested
            && exception is not (Microsoft.Data.Sqlite.SqliteException or IOException))
        {
            LogLeftUnfinished(_logger, instanceId);
        }
        catch (Exception exception)
        {
            // The top of a background task: most often the journal could not be read or written. The instance
            // stays unfinished and resumes on the next start.
            LogRunFailed(_logger, exception, instanceId);
        }
        finally
        {
            if (slotTaken)
            {
                _slots.Release();
            }

            lock (_gate)
            {
                _running.Remove(instanceId);
                if (_relaunch.Remove(instanceId))
                {
                    Launch(instanceId);
                }
            }
        }
    }

    /// <summary>Runs the workflow code once over the journal. Returns true when it continued as new.</summary>
    private async Task<bool> RunEpisodeAsync(string instanceId)
    {
        var instance = await _journal.GetAsync(instanceId, _stopping.Token);
        if (instance?.Status is not (WorkflowInstanceStatus.Pending or WorkflowInstanceStatus.Running))
        {
            return false;
        }

        if (instance.Status == WorkflowInstanceStatus.Pending)
        {
            await _journal.MarkRunningAsync(instanceId, _environment.Time.GetUtcNow(), _stopping.Token);
        }

        var history = await _journal.ReadHistoryAsync(instanceId, _stopping.Token);
        LogRunning(_logger, instance.WorkflowName, instanceId, history.Count);

        await using var scope = _environment.Services.CreateAsyncScope();
        var context = new InProcessWorkflowContext(_environment, instance, history);
        object? output;
        try
        {
            var workflow = _environment.Catalog.CreateWorkflow(instance.WorkflowName, scope.ServiceProvider);
            if (workflow is null)
            {
                await FailAsync(instance, new WorkflowTaskFailureDetails(
                    "WorkflowNotFound", $"Workflow '{instance.WorkflowName}' is not registered in this app.", null));
                return false;
            }

            var input = string.IsNullOrEmpty(instance.InputJson)
                ? null
                : _environment.Serializer.Deserialize(instance.InputJson, workflow.InputType);
            output = await WorkflowSynchronizationContext.RunAsync(
                () => workflow.RunAsync(context, input), context.DispatchNext);
        }
        catch (Exception) when (context.AbortReason is { } abortReason)
        {
            // The code failed because a step was aborted: the abort's cause, not the code's error, ends the run.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(abortReason);
            throw;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The workflow code threw, as a failed activity it did not catch does: the instance fails with the
            // exception's message, as under Dapr.
            await FailAsync(instance, new WorkflowTaskFailureDetails(
                exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace));
            return false;
        }

        if (context.AbortReason is { } reason)
        {
            // The code caught the abort of a step and returned anyway, so its output is not trustworthy.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reason);
        }

        var now = _environment.Time.GetUtcNow();
        if (context.CustomStatusJson is { } customStatus)
        {
            await _journal.SetCustomStatusAsync(instanceId, customStatus, now, CancellationToken.None);
        }

        if (context.ContinueAsNewInputJson is { } nextInput)
        {
            await _journal.ContinueAsNewAsync(instanceId, nextInput, now, CancellationToken.None);
            LogContinuedAsNew(_logger, instance.WorkflowName, instanceId);
            return true;
        }

        var outputJson = output is null ? null : _environment.Serializer.Serialize(output, output.GetType());
        await _journal.FinishAsync(
            instanceId, WorkflowInstanceStatus.Completed, outputJson, null, now, CancellationToken.None);
        LogCompleted(_logger, instance.WorkflowName, instanceId);
        return false;
    }

    private async Task FailAsync(WorkflowInstanceRecord instance, WorkflowTaskFailureDetails failure)
    {
        await _journal.FinishAsync(
            instance.InstanceId,
            WorkflowInstanceStatus.Failed,
            null,
            failure,
            _environment.Time.GetUtcNow(),
            CancellationToken.None);
        LogFailed(_logger, instance.WorkflowName, instance.InstanceId, failure.ErrorType, failure.ErrorMessage);
    }
}
