namespace DaprSync.Contracts.Events;

/// <summary>
/// Bus payload for the Platform Event <c>AccountsEvent__e</c>. The CloudEvent id on the bus is
/// <see cref="EventId"/>, the Salesforce event's <c>EventUuid</c>, so duplicates can be dropped by it.
/// </summary>
public sealed record AccountChangedEvent(
    string EventId,
    string AccountId,
    string ChangeType,
    DateTimeOffset CreatedDate);
