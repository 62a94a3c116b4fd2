using System.Collections.Concurrent;
using Avro;
using Eventbus.V1;
using Grpc.Core;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Avro schemas by schema id, fetched with <c>GetSchema</c> on first use. A schema id is a fingerprint of
/// the schema, so a cached entry never goes stale.
/// </summary>
public sealed class AvroSchemaCache(Eventbus.V1.PubSub.PubSubClient client)
{
    private readonly ConcurrentDictionary<string, RecordSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Returns the record schema for <paramref name="schemaId"/>, calling GetSchema when it is not cached.</summary>
    /// <exception cref="AvroException">The schema JSON is invalid or not a record schema.</exception>
    /// <exception cref="RpcException">GetSchema failed.</exception>
    public async Task<RecordSchema> GetAsync(string schemaId, Metadata headers, CancellationToken cancellationToken)
    {
        if (_schemas.TryGetValue(schemaId, out var cached))
        {
            return cached;
        }

        var info = await client.GetSchemaAsync(
            new SchemaRequest { SchemaId = schemaId },
            headers,
            cancellationToken: cancellationToken);
        if (Avro.Schema.Parse(info.SchemaJson) is not RecordSchema schema)
        {
            throw new AvroException($"Schema {schemaId} is not an Avro record schema.");
        }

        return _schemas.GetOrAdd(schemaId, schema);
    }
}
