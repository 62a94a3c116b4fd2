using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// The emulator's stand-in for the Apex trigger on <c>Payment__c</c>: publishes
/// <c>ABT_Payment_and_Refund_Event__e</c> for each created payment, with the NetSuite ids of its invoice
/// and of the invoice's account. Updates and the integration user's inserts publish nothing.
/// </summary>
internal sealed class PaymentEventTrigger(
    PlatformEventBus bus,
    SalesforceRecords records,
    ILogger<PaymentEventTrigger> logger) : IRecordChangeListener
{
    public void OnRecordChanged(RecordChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!string.Equals(change.SObjectType, "Payment__c", StringComparison.OrdinalIgnoreCase)
            || change.Kind != RecordChangeKind.Created)
        {
            return;
        }

        if (change.ByIntegrationUser)
        {
            Log.EchoSuppressed(logger, change.SObjectType, change.Id);
            return;
        }

        var payment = records.Get(change.SObjectType, change.Id);
        if (payment is null)
        {
            Log.ChangedRecordMissing(logger, change.SObjectType, change.Id);
            return;
        }

        var invoiceId = payment.GetString("Invoice__c");
        var invoice = invoiceId is null ? null : records.Get("Invoice__c", invoiceId);
        var accountId = invoice?.GetString("Account__c");
        var account = accountId is null ? null : records.Get("Account", accountId);
        bus.PublishPaymentEvent(new PaymentEventFields(
            payment.Id,
            payment["Amount__c"] as decimal?,
            payment["Payment_Date__c"] as DateOnly?,
            invoice?.GetString("NetSuite_Id__c"),
            account?.GetString("NetSuite_Id__c")));
    }
}
