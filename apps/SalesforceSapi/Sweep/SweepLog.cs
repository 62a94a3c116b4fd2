namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>Log messages of the catch-up sweep and the backfill.</summary>
internal static partial class SweepLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "Sweep ({Kind}) of {SObjectType} started from {Since}")]
    public static partial void Started(ILogger logger, string kind, string sObjectType, DateTimeOffset? since);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Sweep ({Kind}) of {SObjectType} finished: {Published} events published")]
    public static partial void Finished(ILogger logger, string kind, string sObjectType, int published);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning,
        Message = "The Salesforce session names no user id, so the sweep of {SObjectType} also publishes records "
            + "last changed by the integration user")]
    public static partial void IntegrationUserUnknown(ILogger logger, string sObjectType);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "Events of {TopicName} may have been missed since {LastEventDate}; a catch-up sweep is stored "
            + "and runs once the new subscription responds")]
    public static partial void GapStored(ILogger logger, string topicName, DateTimeOffset? lastEventDate);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning,
        Message = "No catch-up sweep covers {TopicName}; its missed events are reported but not recovered")]
    public static partial void NoSweepForTopic(ILogger logger, string topicName);
}
