using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator;

/// <summary>Log messages of the orchestrator. Each names the records involved and never a credential.</summary>
internal static partial class OrchestratorLog
{
    [LoggerMessage(1000, LogLevel.Information,
        "Account event {EventId} started for Account {AccountId} ({ChangeType})")]
    public static partial void AccountEventStarted(
        this ILogger logger, string eventId, string accountId, string? changeType);

    [LoggerMessage(1001, LogLevel.Information,
        "Account event {EventId} finished for Account {AccountId}: {Outcome}")]
    public static partial void AccountEventFinished(
        this ILogger logger, string eventId, string accountId, string outcome);

    [LoggerMessage(1002, LogLevel.Information,
        "Account event {EventId} for Account {AccountId} was already processed; dropped")]
    public static partial void DuplicateEventDropped(this ILogger logger, string eventId, string accountId);

    [LoggerMessage(1003, LogLevel.Warning,
        "Account event {EventId} is malformed ({Missing} missing or invalid); dropped")]
    public static partial void MalformedEventDropped(this ILogger logger, string? eventId, string missing);

    [LoggerMessage(1004, LogLevel.Warning,
        "Account event {EventId} for Account {AccountId} failed transiently; asking for redelivery")]
    public static partial void AccountEventRetried(
        this ILogger logger, Exception exception, string eventId, string accountId);

    [LoggerMessage(1010, LogLevel.Information, "Account {AccountId} synced to NetSuite Customer {NetSuiteId}")]
    public static partial void AccountSynced(this ILogger logger, string accountId, string? netSuiteId);

    [LoggerMessage(1011, LogLevel.Warning,
        "Account {AccountId} failed to sync: {ErrorCode} on field {Field}: {Message}")]
    public static partial void AccountSyncFailed(
        this ILogger logger, string accountId, string? errorCode, string? field, string? message);

    [LoggerMessage(1012, LogLevel.Information,
        "Account {AccountId} waits for its parent Account {ParentId} to sync first")]
    public static partial void ParentSyncStarted(this ILogger logger, string accountId, string parentId);

    [LoggerMessage(1013, LogLevel.Error, "Writeback to Account {AccountId} was rejected: {ErrorCode}: {Detail}")]
    public static partial void WritebackRejected(
        this ILogger logger, string accountId, string errorCode, string detail);

    [LoggerMessage(1014, LogLevel.Information,
        "Account event {EventId} for {AccountId} is being processed by another delivery; asking for redelivery")]
    public static partial void DuplicateEventInFlight(this ILogger logger, string eventId, string accountId);

    [LoggerMessage(1020, LogLevel.Debug, "State key {Key} changed concurrently; retry {Attempt}")]
    public static partial void StateConflictRetried(this ILogger logger, string key, int attempt);
}
