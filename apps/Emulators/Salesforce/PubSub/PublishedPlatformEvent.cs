using System.Buffers.Binary;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// An event stored on the emulator's event bus. <see cref="ReplayId"/> is the 8-byte big-endian form of
/// <see cref="Sequence"/>; clients treat it as opaque bytes, as they must with Salesforce's replay ids.
/// </summary>
public sealed record PublishedPlatformEvent(
    PlatformEventDefinition Definition,
    string EventId,
    long Sequence,
    byte[] Payload,
    DateTimeOffset PublishedAt)
{
    public string TopicName => Definition.TopicName;

    public byte[] ReplayId => EncodeReplayId(Sequence);

    /// <summary>Decodes the Avro payload into field values by API name.</summary>
    public IReadOnlyDictionary<string, object?> DecodeFields() => PlatformEventCodec.Decode(Definition.Schema, Payload);

    internal static byte[] EncodeReplayId(long sequence)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, sequence);
        return bytes;
    }

    internal static bool TryDecodeReplayId(ReadOnlySpan<byte> replayId, out long sequence)
    {
        sequence = 0;
        if (replayId.Length != sizeof(long))
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadInt64BigEndian(replayId);
        return sequence > 0;
    }
}
