using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess;

internal static partial class BusLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "In-process bus started with {SubscriptionCount} subscriptions from {AppCount} apps")]
    public static partial void Started(ILogger logger, int subscriptionCount, int appCount);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug,
        Message = "No subscriber for topic {Topic}; event {MessageId} is dropped as Dapr does")]
    public static partial void NoSubscriber(ILogger logger, string topic, string messageId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Delivery of event {MessageId} on {Topic} to {AppId}{Route} failed (attempt {Attempt}): {Reason}; retrying in {Delay}")]
    public static partial void Retrying(
        ILogger logger, string messageId, string topic, string appId, string route, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning,
        Message = "App {AppId} dropped event {MessageId} on {Topic}: {Reason}")]
    public static partial void Dropped(ILogger logger, string appId, string messageId, string topic, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error,
        Message = "Event {MessageId} on {Topic} to {AppId} failed {Attempts} times ({Reason}); sent to dead-letter topic {DeadLetterTopic}")]
    public static partial void DeadLettered(
        ILogger logger, string messageId, string topic, string appId, int attempts, string reason, string deadLetterTopic);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error,
        Message = "Event {MessageId} on {Topic} to {AppId} failed {Attempts} times ({Reason}) and its subscription has no dead-letter topic")]
    public static partial void Failed(ILogger logger, string messageId, string topic, string appId, int attempts, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "In-process bus dispatch loop failed; continuing")]
    public static partial void LoopFailed(ILogger logger, Exception exception);
}
