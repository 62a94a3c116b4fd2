using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.Payments;

public sealed partial class PaymentRecordedHandler
{
    [LoggerMessage(2100, LogLevel.Information,
        "Payment event {EventId} for Payment {PaymentId} finished: {Outcome} (NetSuite payment {NetSuiteId}, {ErrorCode})")]
    private static partial void PaymentEventFinished(
        ILogger logger, string eventId, string paymentId, string outcome, string? netSuiteId, string? errorCode);

    [LoggerMessage(2101, LogLevel.Information, "Payment event {EventId} for Payment {PaymentId} was already processed; dropped")]
    private static partial void DuplicateEventDropped(ILogger logger, string eventId, string paymentId);

    [LoggerMessage(2102, LogLevel.Information,
        "Payment event {EventId} for Payment {PaymentId} is being processed by another delivery; asking for redelivery")]
    private static partial void DuplicateEventInFlight(ILogger logger, string eventId, string paymentId);

    [LoggerMessage(2103, LogLevel.Warning,
        "Payment event {EventId} for Payment {PaymentId} failed transiently; asking for redelivery")]
    private static partial void PaymentEventRetried(ILogger logger, Exception exception, string eventId, string paymentId);

    [LoggerMessage(2104, LogLevel.Warning, "Payment event {EventId} is malformed ({Missing} missing or invalid); dropped")]
    private static partial void MalformedEventDropped(ILogger logger, string? eventId, string missing);

    [LoggerMessage(2105, LogLevel.Error, "Writeback to Payment {PaymentId} was rejected: {ErrorCode}: {Detail}")]
    private static partial void WritebackRejected(ILogger logger, string paymentId, string errorCode, string detail);
}
