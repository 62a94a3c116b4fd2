using Microsoft.Extensions.Logging;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>Log messages of the Platform Event subscribers.</summary>
internal static partial class PubSubLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information,
        Message = "Subscribing to {TopicName} from {ReplayStart}")]
    public static partial void Subscribing(ILogger logger, string topicName, string replayStart);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Subscriber for {TopicName} stopped")]
    public static partial void Stopped(ILogger logger, string topicName);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "Subscription to {TopicName} failed; reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void Reconnecting(ILogger logger, Exception error, string topicName, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning,
        Message = "Pub/Sub API rejected the access token for {TopicName}; authenticating again")]
    public static partial void Reauthenticating(ILogger logger, string topicName);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error,
        Message = "Replay id {ReplayId} of {TopicName} is invalid or expired ({ErrorCode}); events may have "
            + "been missed. Resubscribing from LATEST")]
    public static partial void ReplayIdInvalid(
        ILogger logger, Exception error, string topicName, string replayId, string errorCode);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error,
        Message = "Event {EventId} (replay id {ReplayId}) of {TopicName} is malformed and was skipped")]
    public static partial void MalformedEvent(
        ILogger logger, Exception error, string topicName, string eventId, string replayId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error,
        Message = "Topic {TopicName} cannot be subscribed to ({Reason}); retrying with backoff")]
    public static partial void TopicUnavailable(ILogger logger, string topicName, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug,
        Message = "Event {EventId} of {TopicName} published; replay id {ReplayId} stored")]
    public static partial void EventHandled(ILogger logger, string topicName, string eventId, string replayId);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information,
        Message = "Replica {ReplicaId} holds the lease on {TopicName} and starts consuming")]
    public static partial void LeaseAcquired(ILogger logger, string topicName, string replicaId);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information,
        Message = "Another replica holds the lease on {TopicName}; replica {ReplicaId} retries every {RetryInterval}")]
    public static partial void LeaseHeldElsewhere(
        ILogger logger, string topicName, string replicaId, TimeSpan retryInterval);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning,
        Message = "Replica {ReplicaId} lost the lease on {TopicName}; it stops consuming and waits for the lease")]
    public static partial void LeaseLost(ILogger logger, string topicName, string replicaId);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning,
        Message = "State store call for the lease on {TopicName} failed (replica {ReplicaId}, {Operation})")]
    public static partial void LeaseStoreFailed(
        ILogger logger, Exception error, string topicName, string replicaId, string operation);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information,
        Message = "Replica {ReplicaId} released the lease on {TopicName}")]
    public static partial void LeaseReleased(ILogger logger, string topicName, string replicaId);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning,
        Message = "Failed to {Step} for event {EventId} of {TopicName}; retrying in {Delay} (attempt {Attempt})")]
    public static partial void StepRetrying(
        ILogger logger, Exception error, string topicName, string eventId, string step, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning,
        Message = "Catch-up sweep of {TopicName} failed; retrying in {Delay} (attempt {Attempt})")]
    public static partial void SweepRetrying(
        ILogger logger, Exception error, string topicName, TimeSpan delay, int attempt);
}
