using Avro.Generic;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>A decoded Platform Event as it came off a Pub/Sub API subscription.</summary>
public sealed record PlatformEventMessage(string TopicName, string EventId, byte[] ReplayId, GenericRecord Record);

/// <summary>Turns the events of one Platform Event topic into bus events.</summary>
public interface IPlatformEventHandler
{
    /// <summary>Pub/Sub API topic, for example <c>/event/AccountsEvent__e</c>.</summary>
    string TopicName { get; }

    /// <summary>
    /// Publishes the bus event for <paramref name="message"/> and returns once the bus accepted it. Throws
    /// <see cref="MalformedPlatformEventException"/> when the event lacks a field it needs.
    /// </summary>
    Task HandleAsync(PlatformEventMessage message, CancellationToken cancellationToken);
}

/// <summary>An event whose payload decoded but does not carry what its handler needs.</summary>
public sealed class MalformedPlatformEventException(string message) : Exception(message);

/// <summary>The bus did not accept an event or a problem report, so the replay id must not advance.</summary>
public sealed class PlatformEventDeliveryException(string message, Exception innerException)
    : Exception(message, innerException);
