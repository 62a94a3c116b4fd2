using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.Orders;

/// <summary>Log messages of the order flow. Each names the Order and event involved, never a credential.</summary>
internal static partial class OrderSyncLog
{
    [LoggerMessage(2000, LogLevel.Information,
        "Order event {EventId} started workflow {InstanceId} for Order {OrderId}")]
    public static partial void OrderWorkflowStarted(
        this ILogger logger, string? eventId, string orderId, string instanceId);

    [LoggerMessage(2001, LogLevel.Information,
        "Order event {EventId}: workflow {InstanceId} for Order {OrderId} is running; it will sync the Order once more")]
    public static partial void OrderRerunFlagged(this ILogger logger, string? eventId, string orderId, string instanceId);

    [LoggerMessage(2002, LogLevel.Information,
        "Order event {EventId} for Order {OrderId} was already processed; dropped")]
    public static partial void DuplicateOrderEventDropped(this ILogger logger, string eventId, string orderId);

    [LoggerMessage(2003, LogLevel.Information,
        "Order event {EventId} for Order {OrderId} is being processed by another delivery; asking for redelivery")]
    public static partial void DuplicateOrderEventInFlight(this ILogger logger, string eventId, string orderId);

    [LoggerMessage(2004, LogLevel.Warning, "Order event {EventId} is malformed ({Missing} missing or invalid); dropped")]
    public static partial void MalformedOrderEventDropped(this ILogger logger, string? eventId, string missing);

    [LoggerMessage(2010, LogLevel.Information,
        "Order {OrderId} synced to NetSuite Sales Order {NetSuiteOrderId} ({NetSuiteOrderNumber})")]
    public static partial void OrderSynced(
        this ILogger logger, string orderId, string? netSuiteOrderId, string? netSuiteOrderNumber);

    [LoggerMessage(2011, LogLevel.Warning, "Order {OrderId} failed to sync: {ErrorCode} on field {Field}: {Message}")]
    public static partial void OrderSyncFailed(
        this ILogger logger, string orderId, string? errorCode, string? field, string? message);

    [LoggerMessage(2012, LogLevel.Error, "Writeback to Order {OrderId} was rejected: {ErrorCode}: {Detail}")]
    public static partial void OrderWritebackRejected(this ILogger logger, string orderId, string errorCode, string detail);

    [LoggerMessage(2020, LogLevel.Information, "Order workflow run {Run} for Order {OrderId} finished: {Outcome} ({NetSuiteOrderId})")]
    public static partial void OrderWorkflowFinished(
        this ILogger logger, string orderId, int run, string outcome, string? netSuiteOrderId);

    [LoggerMessage(2021, LogLevel.Information,
        "Order {OrderId} was queued again during the run; continuing as new with run {Run}")]
    public static partial void OrderWorkflowContinued(this ILogger logger, string orderId, int run);
}
