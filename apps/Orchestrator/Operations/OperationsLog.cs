namespace DaprSync.Orchestrator.Operations;

/// <summary>Log messages of the admin API, retries and dead letters; never a token.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(1400, LogLevel.Warning, "Admin request {Method} {Path} rejected: token {Problem}")]
    public static partial void AdminRequestRejected(ILogger logger, string method, string path, string problem);

    [LoggerMessage(1401, LogLevel.Information, "Retry of {Flow} record {RecordId} requested: {Action}")]
    public static partial void RetryRequested(ILogger logger, string flow, string recordId, string action);

    [LoggerMessage(1402, LogLevel.Warning, "Retry of {Flow} record {RecordId} failed transiently")]
    public static partial void RetryFailedTransiently(ILogger logger, Exception exception, string flow, string recordId);

    [LoggerMessage(1403, LogLevel.Information, "{Flow} record {RecordId} resolved by hand")]
    public static partial void ResolvedByHand(ILogger logger, string flow, string recordId);

    [LoggerMessage(1404, LogLevel.Warning, "Flow {Flow} paused: {Reason}")]
    public static partial void FlowPaused(ILogger logger, string flow, string? reason);

    [LoggerMessage(1405, LogLevel.Information, "Flow {Flow} resumed")]
    public static partial void FlowResumed(ILogger logger, string flow);

    [LoggerMessage(1406, LogLevel.Information, "Account event {EventId} for Account {AccountId}: flow paused; asking for redelivery")]
    public static partial void AccountEventPaused(ILogger logger, string eventId, string accountId);

    [LoggerMessage(1411, LogLevel.Information, "{Flow} event {EventId} for {RecordId}: flow paused; asking for redelivery")]
    public static partial void EventPaused(ILogger logger, string flow, string eventId, string recordId);

    [LoggerMessage(1407, LogLevel.Warning,
        "Dead letter {MessageId} received from topic {OriginalTopic}; stored for replay")]
    public static partial void DeadLetterStored(ILogger logger, string messageId, string originalTopic);

    [LoggerMessage(1408, LogLevel.Information, "Dead letter {MessageId} replayed to topic {Topic}")]
    public static partial void DeadLetterReplayed(ILogger logger, string messageId, string topic);

    [LoggerMessage(1409, LogLevel.Warning, "Watermark of poller {Poller} reset to {Value:o} by an operator")]
    public static partial void WatermarkReset(ILogger logger, string poller, DateTimeOffset value);

    [LoggerMessage(1410, LogLevel.Warning, "Status page could not read {SystemApi}: {Reason}")]
    public static partial void SystemApiStatusUnavailable(ILogger logger, string systemApi, string reason);
}
