using Dapr.Client;

namespace DaprSync.Runtime.Dapr;

/// <summary>
/// Publishes through the sidecar's pub/sub building block to the <c>pubsub</c> component. The sidecar wraps the
/// payload in a CloudEvent. An event id travels as the <c>cloudevent.id</c> publish metadata, which daprd copies
/// into the envelope's <c>id</c> (daprd v1.13 and later read <c>cloudevent.*</c> publish metadata).
/// </summary>
public sealed class DaprEventPublisher(DaprClient daprClient) : IEventPublisher
{
    public Task PublishAsync<T>(
        string topic,
        T data,
        string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(data);

        if (eventId is null)
        {
            return daprClient.PublishEventAsync(DaprComponentNames.PubSub, topic, data, cancellationToken);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        var metadata = new Dictionary<string, string> { [DaprComponentNames.CloudEventIdMetadata] = eventId };
        return daprClient.PublishEventAsync(DaprComponentNames.PubSub, topic, data, metadata, cancellationToken);
    }
}
