using Avro;
using Avro.Generic;
using Avro.IO;
using Google.Protobuf;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>Avro binary decoding of a Pub/Sub API event payload.</summary>
internal static class AvroPayload
{
    /// <summary>Decodes one record of <paramref name="schema"/> that must fill the whole payload.</summary>
    /// <exception cref="AvroException">The payload is truncated, too long or does not fit the schema.</exception>
    public static GenericRecord Decode(RecordSchema schema, ByteString payload)
    {
        using var buffer = new MemoryStream(payload.ToByteArray(), writable: false);
        GenericRecord record;
        try
        {
            record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(buffer));
        }
        catch (EndOfStreamException ex)
        {
            throw new AvroException("The Avro payload ends before the record is complete.", ex);
        }

        if (buffer.Position != buffer.Length)
        {
            throw new AvroException($"The Avro payload has {buffer.Length - buffer.Position} bytes after the record.");
        }

        return record;
    }
}
