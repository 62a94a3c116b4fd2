namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// Custom field values of one <c>ABT_Payment_and_Refund_Event__e</c>. A payment without an invoice has
/// null NetSuite ids, and the event is still published so that DaprSync records the failed sync.
/// </summary>
public sealed record PaymentEventFields(
    string PaymentId,
    decimal? Amount,
    DateOnly? PaymentDate,
    string? NetSuiteInvoiceId,
    string? NetSuiteAccountNumber);
