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
        var accountId = ReadString(record, "Account_Id__c");
        var changeType = ReadString(record, "Change_Type__c");
        if (!record.TryGetValue("CreatedDate", out var created) || created is not long createdMilliseconds)
        {
            throw new MalformedPlatformEventException($"Event {message.EventId} has no long CreatedDate.");
        }

        if (string.IsNullOrEmpty(message.EventId))
        {
            throw new MalformedPlatformEventException($"Event for Account {accountId} has no event id.");
        }

        var evt = new AccountChangedEvent(
            message.EventId,
            accountId,
            changeType,
            DateTimeOffset.FromUnixTimeMilliseconds(createdMilliseconds));
        await publisher.PublishAsync(Topics.AccountChanged, evt, eventId: evt.EventId, cancellationToken);
    }

    private static string ReadString(Avro.Generic.GenericRecord record, string field)
    {
        if (record.TryGetValue(field, out var value) && value is string text && text.Length > 0)
        {
            return text;
        }

        throw new MalformedPlatformEventException($"AccountsEvent__e field {field} is missing or empty.");
    }
}
