using Avro.Generic;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>A decoded Platform Event as it came off a Pub/Sub API subscription.</summary>
public sealed record PlatformEventMessage(string TopicName, string EventId, byte[] ReplayId, GenericRecord Record)
{
    /// <summary>Returns the event id, which every bus event needs as its CloudEvent id.</summary>
    /// <exception cref="MalformedPlatformEventException">The event has no id.</exception>
    public static string RequireEventId(PlatformEventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrEmpty(message.EventId)
            ? throw new MalformedPlatformEventException($"An event of {message.TopicName} has no event id.")
            : message.EventId;
    }
}

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
public sealed class MalformedPlatformEventException : Exception
{
    public MalformedPlatformEventException(string message)
        : base(message)
    {
    }

    public MalformedPlatformEventException(string eventName, string field, string message)
        : base(message)
    {
        EventName = eventName;
        Field = field;
    }

    /// <summary>API name of the Platform Event, for example <c>Create_NS_Order__e</c>; null when unknown.</summary>
    public string? EventName { get; }

    /// <summary>API name of the missing or invalid field; null when no single field is at fault.</summary>
    public string? Field { get; }
}

/// <summary>The bus did not accept an event or a problem report, so the replay id must not advance.</summary>
public sealed class PlatformEventDeliveryException(string message, Exception innerException)
    : Exception(message, innerException);
