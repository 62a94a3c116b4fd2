namespace DaprSync.Contracts.NetSuite;

/// <summary>
/// A customer payment to apply to one invoice. <see cref="ExternalId"/> is the Salesforce Payment id, so a
/// redelivered event updates the payment it already made. <see cref="CustomerId"/> and <see cref="InvoiceId"/> are
/// NetSuite internal ids; <see cref="Amount"/> is in the invoice's currency.
/// </summary>
public sealed record PaymentUpsertRequest(
    string ExternalId,
    string CustomerId,
    string InvoiceId,
    decimal Amount,
    DateOnly? PaymentDate,
    string? Memo);

/// <summary>The NetSuite internal id of the customer payment.</summary>
public sealed record PaymentUpsertResult(string InternalId);
