using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Runtime;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Maps <c>ABT_Payment_and_Refund_Event__e</c> to <see cref="PaymentRecordedEvent"/> on
/// <see cref="Topics.PaymentRecorded"/>, with the Platform Event's id as the CloudEvent id. Only
/// <c>Payment_Id__c</c> is required: a payment without an invoice arrives with null NetSuite ids, and
/// the orchestrator records that as a failed sync of the payment.
/// </summary>
public sealed class PaymentEventHandler(IEventPublisher publisher) : IPlatformEventHandler
{
    public const string Topic = "/event/ABT_Payment_and_Refund_Event__e";

    public string TopicName => Topic;

    public async Task HandleAsync(PlatformEventMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = message.Record;
        var evt = new PaymentRecordedEvent(
            PlatformEventMessage.RequireEventId(message),
            PlatformEventFields.RequireString(record, "Payment_Id__c"),
            PlatformEventFields.OptionalDecimal(record, "Amount__c"),
            PlatformEventFields.OptionalString(record, "NetSuite_Account_Number__c"),
            PlatformEventFields.OptionalString(record, "NetSuite_Invoice_Id__c"),
            PlatformEventFields.OptionalDate(record, "Payment_Date__c"),
            PlatformEventFields.RequireCreatedDate(record));
        await publisher.PublishAsync(Topics.PaymentRecorded, evt, eventId: evt.EventId, cancellationToken);
    }
}
