using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Runtime;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Maps <c>Create_NS_Order__e</c> to <see cref="OrderQueuedEvent"/> on <see cref="Topics.OrderQueued"/>,
/// with the Platform Event's id as the CloudEvent id so subscribers can drop redeliveries.
/// </summary>
public sealed class CreateNsOrderEventHandler(IEventPublisher publisher) : IPlatformEventHandler
{
    public const string Topic = "/event/Create_NS_Order__e";

    public string TopicName => Topic;

    public async Task HandleAsync(PlatformEventMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = message.Record;
        var evt = new OrderQueuedEvent(
            PlatformEventMessage.RequireEventId(message),
            PlatformEventFields.RequireString(record, "Order_Id__c"),
            PlatformEventFields.RequireCreatedDate(record));
        await publisher.PublishAsync(Topics.OrderQueued, evt, eventId: evt.EventId, cancellationToken);
    }
}
