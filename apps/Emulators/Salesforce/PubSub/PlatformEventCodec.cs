using Avro;
using Avro.Generic;
using Avro.IO;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>Avro binary encoding and decoding of Platform Event payloads.</summary>
public static class PlatformEventCodec
{
    /// <summary>
    /// Encodes <paramref name="fields"/> as one Avro record of <paramref name="schema"/>. Fields absent
    /// from the dictionary are written as null, which only the nullable custom fields accept.
    /// </summary>
    /// <exception cref="AvroException">A value does not fit its field's type.</exception>
    public static byte[] Encode(RecordSchema schema, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fields);

        var unknown = fields.Keys.FirstOrDefault(name => !schema.Contains(name));
        if (unknown is not null)
        {
            throw new AvroException($"Field '{unknown}' is not part of the schema of {schema.Fullname}.");
        }

        var record = new GenericRecord(schema);
        foreach (var field in schema.Fields)
        {
            record.Add(field.Name, fields.TryGetValue(field.Name, out var value) ? value : null);
        }

        using var buffer = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(buffer));
        return buffer.ToArray();
    }

    /// <summary>Decodes an Avro binary payload written with <paramref name="schema"/> into field values.</summary>
    /// <exception cref="AvroException">The payload is not a valid record of the schema.</exception>
    public static IReadOnlyDictionary<string, object?> Decode(RecordSchema schema, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(payload);

        using var buffer = new MemoryStream(payload, writable: false);
        GenericRecord record;
        try
        {
            record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(buffer));
        }
        catch (EndOfStreamException ex)
        {
            throw new AvroException("The payload ends before the record is complete.", ex);
        }

        if (buffer.Position != buffer.Length)
        {
            throw new AvroException($"The payload has {buffer.Length - buffer.Position} bytes after the record.");
        }

        return schema.Fields.ToDictionary(field => field.Name, object? (field) => record[field.Name]);
    }
}
