using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>One SaveResult of an sObject Collections update: the record id, or the record's errors.</summary>
internal sealed record SaveResult(
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IReadOnlyList<CollectionError> Errors)
{
    public static SaveResult Saved(string id) => new(id, true, []);

    public static SaveResult Failed(params IEnumerable<ApiError> errors) =>
        new(null, false, errors.Select(CollectionError.Of).ToList());
}

/// <summary>Finds, validates and saves the records of one sObject Collections update, each by its id.</summary>
internal sealed class CollectionsUpdate(SalesforceRecords records, RecordValidator validator)
{
    private static readonly ApiError RolledBack = new(
        "Record rolled back because not all records were valid and the request was using AllOrNone header",
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        []);

    /// <summary>Updates each record of <paramref name="bodies"/>, whose type comes from its attributes.type.</summary>
    public IReadOnlyList<SaveResult> Run(IReadOnlyList<JsonObject> bodies, bool allOrNone, RecordAuthor author)
    {
        var results = new SaveResult?[bodies.Count];
        var writes = new List<(int Index, RecordWrite Write)>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var (write, errors) = Prepare(bodies[i]);
            if (errors is not null)
            {
                results[i] = SaveResult.Failed(errors);
            }
            else
            {
                writes.Add((i, write!));
            }
        }

        if (allOrNone)
        {
            return CommitAll(results, writes, author);
        }

        foreach (var (index, write) in writes)
        {
            var failures = records.Commit([write], author);
            results[index] = failures.Count > 0 ? SaveResult.Failed(failures.Values) : SaveResult.Saved(write.Id);
        }

        return results!;
    }

    private SaveResult[] CommitAll(
        SaveResult?[] results,
        List<(int Index, RecordWrite Write)> writes,
        RecordAuthor author)
    {
        var anyInvalid = results.Any(result => result is not null);
        var failures = anyInvalid
            ? new Dictionary<int, ApiError>()
            : records.Commit(writes.Select(pair => pair.Write).ToList(), author);
        var committed = !anyInvalid && failures.Count == 0;
        for (var position = 0; position < writes.Count; position++)
        {
            var (index, write) = writes[position];
            results[index] = committed ? SaveResult.Saved(write.Id)
                : failures.TryGetValue(position, out var error) ? SaveResult.Failed(error)
                : SaveResult.Failed(RolledBack);
        }

        return results!;
    }

    private (RecordWrite? Write, IReadOnlyList<ApiError>? Errors) Prepare(JsonObject body)
    {
        var typeName = body["attributes"]?["type"]?.GetValue<string>() ?? "";
        var type = SalesforceSchema.Find(typeName);
        if (type is null)
        {
            return (null, [new ApiError($"sObject type '{typeName}' is not supported.", "INVALID_TYPE", [])]);
        }

        var idNode = body.FirstOrDefault(pair => string.Equals(pair.Key, "id", StringComparison.OrdinalIgnoreCase));
        var idText = idNode.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;
        if (string.IsNullOrEmpty(idText))
        {
            return (null, [new ApiError("Id not specified in an update call", "MISSING_ARGUMENT", [])]);
        }

        var id = SalesforceId.Normalize(idText);
        if (id is null || !id.StartsWith(type.KeyPrefix, StringComparison.Ordinal))
        {
            var message = $"{type.Name} ID: id value of incorrect type: {idText}";
            return (null, [new ApiError(message, "MALFORMED_ID", ["Id"])]);
        }

        // NOTE: the code for an id of the right type that matches no record is a guess at Salesforce's.
        var existing = records.Get(type.Name, id);
        if (existing is null)
        {
            return (null, [new ApiError("invalid cross reference id", "INVALID_CROSS_REFERENCE_KEY", [])]);
        }

        var fields = new JsonObject();
        foreach (var (name, node) in body.Where(pair => !string.Equals(pair.Key, idNode.Key, StringComparison.Ordinal)))
        {
            fields[name] = node?.DeepClone();
        }

        var validated = validator.Validate(type, fields, existing);
        return validated.IsValid
            ? (new RecordWrite(type, existing.Id, IsCreate: false, validated.Values), null)
            : (null, validated.Errors);
    }
}
