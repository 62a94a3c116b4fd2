using DaprSync.Contracts.Events;
using DaprSync.Contracts.NetSuite;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Payments;

/// <summary>
/// Maps a payment event to the NetSuite customer payment. A payment whose invoice or account has no NetSuite
/// id, or whose amount is missing or not positive, cannot be applied and is a per-record failure.
/// </summary>
internal static class PaymentRequestMapper
{
    public const string RequiredFieldMissing = "REQUIRED_FIELD_MISSING";
    public const string InvalidValue = "INVALID_VALUE";

    public static (PaymentUpsertRequest? Request, RecordResult? Failure) Map(PaymentRecordedEvent recorded)
    {
        var paymentId = recorded.PaymentId;
        if (string.IsNullOrWhiteSpace(recorded.NetSuiteInvoiceId))
        {
            return (null, Missing(paymentId, "NetSuite_Invoice_Id__c", "its invoice is not in NetSuite yet"));
        }

        if (string.IsNullOrWhiteSpace(recorded.NetSuiteAccountNumber))
        {
            return (null, Missing(paymentId, "NetSuite_Account_Number__c", "the invoice's Account has no NetSuite id"));
        }

        if (recorded.Amount is not { } amount)
        {
            return (null, Missing(paymentId, "Amount__c", "the amount is missing"));
        }

        if (amount <= 0)
        {
            var message = $"Payment {paymentId}: Amount__c {amount} is not positive, so no payment can be applied.";
            return (null, RecordResult.Failed(paymentId, InvalidValue, message, "Amount__c"));
        }

        var request = new PaymentUpsertRequest(
            ExternalId: paymentId,
            CustomerId: recorded.NetSuiteAccountNumber.Trim(),
            InvoiceId: recorded.NetSuiteInvoiceId.Trim(),
            Amount: amount,
            PaymentDate: recorded.PaymentDate,
            Memo: $"Salesforce Payment {paymentId}");
        return (request, null);
    }

    private static RecordResult Missing(string paymentId, string field, string reason) =>
        RecordResult.Failed(paymentId, RequiredFieldMissing, $"Payment {paymentId}: {field} is missing: {reason}.", field);
}
