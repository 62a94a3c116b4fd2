using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

public sealed partial class InProcessWorkflowRunner
{
    [LoggerMessage(EventId = 310, Level = LogLevel.Information,
        Message = "Workflow runner of {AppId} started; resuming {UnfinishedCount} unfinished instances")]
    private static partial void LogStarted(ILogger logger, string appId, int unfinishedCount);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information,
        Message = "Workflow runner of {AppId} stopped; {ActiveCount} instances were active")]
    private static partial void LogStopped(ILogger logger, string appId, int activeCount);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning,
        Message = "Workflow runner of {AppId} stopped before {PendingCount} instance tasks ended")]
    private static partial void LogStopTimedOut(ILogger logger, string appId, int pendingCount);

    [LoggerMessage(EventId = 313, Level = LogLevel.Information,
        Message = "Scheduled workflow {WorkflowName} instance {InstanceId}")]
    private static partial void LogScheduled(ILogger logger, string workflowName, string instanceId);

    [LoggerMessage(EventId = 314, Level = LogLevel.Debug,
        Message = "Workflow {WorkflowName} instance {InstanceId} is already pending or running; not started again")]
    private static partial void LogAlreadyRunning(ILogger logger, string workflowName, string instanceId);

    [LoggerMessage(EventId = 315, Level = LogLevel.Debug,
        Message = "Running workflow {WorkflowName} instance {InstanceId} over {StepCount} journaled steps")]
    private static partial void LogRunning(ILogger logger, string workflowName, string instanceId, int stepCount);

    [LoggerMessage(EventId = 316, Level = LogLevel.Information,
        Message = "Workflow {WorkflowName} instance {InstanceId} completed")]
    private static partial void LogCompleted(ILogger logger, string workflowName, string instanceId);

    [LoggerMessage(EventId = 317, Level = LogLevel.Error,
        Message = "Workflow {WorkflowName} instance {InstanceId} failed with {ErrorType}: {ErrorMessage}")]
    private static partial void LogFailed(
        ILogger logger, string workflowName, string instanceId, string errorType, string errorMessage);

    [LoggerMessage(EventId = 318, Level = LogLevel.Information,
        Message = "Workflow {WorkflowName} instance {InstanceId} continued as new")]
    private static partial void LogContinuedAsNew(ILogger logger, string workflowName, string instanceId);

    [LoggerMessage(EventId = 319, Level = LogLevel.Information,
        Message = "Workflow instance {InstanceId} left unfinished by the stop; it resumes on the next start")]
    private static partial void LogLeftUnfinished(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 320, Level = LogLevel.Error,
        Message = "Running workflow instance {InstanceId} failed outside the workflow code; "
            + "it resumes on the next start")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string instanceId);
}
