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
        Message = "Topic {TopicName} cannot be subscribed to ({Reason}); its subscriber stops")]
    public static partial void TopicUnavailable(ILogger logger, string topicName, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug,
        Message = "Event {EventId} of {TopicName} published; replay id {ReplayId} stored")]
    public static partial void EventHandled(ILogger logger, string topicName, string eventId, string replayId);
}
