using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Runtime;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Maps <c>AccountsEvent__e</c> to <see cref="AccountChangedEvent"/> on <see cref="Topics.AccountChanged"/>,
/// with the Platform Event's id as the CloudEvent id so subscribers can drop redeliveries.
/// </summary>
public sealed class AccountsEventHandler(IEventPublisher publisher) : IPlatformEventHandler
{
    public const string Topic = "/event/AccountsEvent__e";

    public string TopicName => Topic;

    public async Task HandleAsync(PlatformEventMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = message.Record;
        var evt = new AccountChangedEvent(
            PlatformEventMessage.RequireEventId(message),
            PlatformEventFields.RequireString(record, "Account_Id__c"),
            PlatformEventFields.RequireString(record, "Change_Type__c"),
            PlatformEventFields.RequireCreatedDate(record));
        await publisher.PublishAsync(Topics.AccountChanged, evt, eventId: evt.EventId, cancellationToken);
    }
}
