namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>Log messages of the emulator's Pub/Sub API.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Subscription to {TopicName} started at {ReplayPreset} (rpc {RpcId})")]
    public static partial void SubscriptionStarted(ILogger logger, string topicName, string replayPreset, string rpcId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Subscription to {TopicName} ended (rpc {RpcId})")]
    public static partial void SubscriptionEnded(ILogger logger, string topicName, string rpcId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug,
        Message = "Event {EventId} published on {TopicName} at sequence {Sequence}")]
    public static partial void EventPublished(ILogger logger, string topicName, string eventId, long sequence);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug,
        Message = "Record change of {SObjectType} {RecordId} by the integration user; no Platform Event")]
    public static partial void EchoSuppressed(ILogger logger, string sObjectType, string recordId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "{SObjectType} {RecordId} changed but is no longer in the record store; no Platform Event")]
    public static partial void ChangedRecordMissing(ILogger logger, string sObjectType, string recordId);
}
