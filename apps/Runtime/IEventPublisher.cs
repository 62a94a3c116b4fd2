namespace DaprSync.Runtime;

/// <summary>Publishes events to the pub/sub component, as Dapr's publish building block does.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Publishes <paramref name="data"/> as a CloudEvent on <paramref name="topic"/>. When
    /// <paramref name="eventId"/> is set it becomes the CloudEvent id, so subscribers can drop
    /// duplicates by it. Returns once the event is durably accepted by the bus.
    /// </summary>
    Task PublishAsync<T>(string topic, T data, string? eventId = null, CancellationToken cancellationToken = default);
}
