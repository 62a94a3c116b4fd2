namespace DaprSync.Contracts.Events;

/// <summary>
/// Bus payload for the Platform Event <c>ABT_Payment_and_Refund_Event__e</c>; the CloudEvent id is
/// <see cref="EventId"/>. <see cref="Amount"/> is in the invoice's currency.
/// </summary>
public sealed record PaymentRecordedEvent(
    string EventId,
    string PaymentId,
    decimal? Amount,
    string? NetSuiteAccountNumber,
    string? NetSuiteInvoiceId,
    DateOnly? PaymentDate,
    DateTimeOffset CreatedDate);
