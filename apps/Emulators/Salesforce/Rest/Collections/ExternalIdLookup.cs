using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>
/// Finds records by external id and replaces relationship lookups such as
/// <c>"Account__r": {"NetSuite_Id__c": "123"}</c> with the matching record's id in <c>Account__c</c>.
/// </summary>
internal sealed class ExternalIdLookup(SalesforceRecords records)
{
    /// <summary>Returns the records whose external id equals <paramref name="value"/> in any casing.</summary>
    public IReadOnlyList<SalesforceRecord> Find(SObjectType type, SObjectField field, string value) =>
        records.FindByKey(type.Name, field.Name, value)
        ?? records.All(type.Name)
            .Where(record => string.Equals(record.GetString(field.Name), value, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>Returns the text of an external id value (a JSON string or number), or null when missing.</summary>
    public static string? KeyOf(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    } is { Length: > 0 } key ? key : null;

    /// <summary>
    /// Returns a copy of <paramref name="body"/> with every relationship lookup replaced by a reference id,
    /// or the error of the first lookup that names no field or matches no record or several records.
    /// </summary>
    public (JsonObject? Body, ApiError? Error) ResolveLookups(SObjectType type, JsonObject body)
    {
        var resolved = new JsonObject();
        foreach (var (name, node) in body)
        {
            if (node is not JsonObject lookup || name == "attributes")
            {
                resolved[name] = node?.DeepClone();
                continue;
            }

            var reference = SObjectRelationships.FindParentReference(type, name);
            var target = reference is null ? null : SalesforceSchema.Find(reference.ReferenceTo!);
            if (reference is null || target is null)
            {
                var message = $"No such column '{name}' on sobject of type {type.Name}";
                return (null, new ApiError(message, "INVALID_FIELD", []));
            }

            var (id, error) = ResolveLookup(target, reference, lookup);
            if (error is not null)
            {
                return (null, error);
            }

            resolved[reference.Name] = id;
        }

        return (resolved, null);
    }

    private (string? Id, ApiError? Error) ResolveLookup(SObjectType target, SObjectField reference, JsonObject lookup)
    {
        var keys = lookup.Where(pair => pair.Key != "attributes").ToList();
        var field = keys.Count == 1 ? target.FindField(keys[0].Key) : null;
        var value = keys.Count == 1 ? KeyOf(keys[0].Value) : null;
        if (field is not { ExternalId: true } || value is null)
        {
            var message = $"The lookup of {reference.Name} must name one external id field of {target.Name} "
                + "and give its value.";
            return (null, new ApiError(message, "INVALID_FIELD", [reference.Name]));
        }

        var matches = Find(target, field, value);
        return matches.Count switch
        {
            1 => (matches[0].Id, null),
            0 => (null, new ApiError(
                $"Foreign key external ID: {value} not found for field {field.Name} in entity {target.Name}",
                "INVALID_FIELD",
                [])),
            _ => (null, new ApiError(
                $"Foreign key external ID: {value} matches more than one record for field {field.Name} in entity "
                    + target.Name,
                "DUPLICATE_EXTERNAL_ID",
                [])),
        };
    }
}
