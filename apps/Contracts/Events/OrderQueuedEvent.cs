namespace DaprSync.Contracts.Events;

/// <summary>Bus payload for the Platform Event <c>Create_NS_Order__e</c>; the CloudEvent id is <see cref="EventId"/>.</summary>
public sealed record OrderQueuedEvent(string EventId, string OrderId, DateTimeOffset CreatedDate);
