using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>Matches, validates and saves the records of one sObject Collections upsert.</summary>
internal sealed class CollectionsUpsert(SalesforceRecords records, RecordValidator validator, ExternalIdLookup lookup)
{
    private static readonly ApiError RolledBack = new(
        "Record rolled back because not all records were valid and the request was using AllOrNone header",
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        []);

    public IReadOnlyList<UpsertResult> Run(
        SObjectType type,
        SObjectField keyField,
        IReadOnlyList<JsonObject> bodies,
        bool allOrNone,
        RecordAuthor author)
    {
        var keys = bodies.Select(body => ExternalIdLookup.KeyOf(body[keyField.Name])).ToList();
        var repeated = keys.OfType<string>()
            .GroupBy(key => key, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var results = new UpsertResult?[bodies.Count];
        var writes = new List<(int Index, RecordWrite Write)>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var (write, errors) = Prepare(type, keyField, bodies[i], keys[i], repeated);
            if (errors is not null)
            {
                results[i] = UpsertResult.Failed(errors);
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
            results[index] = failures.Count > 0
                ? UpsertResult.Failed(failures.Values)
                : UpsertResult.Saved(write.Id, write.IsCreate);
        }

        return results!;
    }

    private UpsertResult[] CommitAll(
        UpsertResult?[] results,
        List<(int Index, RecordWrite Write)> writes,
        RecordAuthor author)
    {
        var failures = results.Any(result => result is not null)
            ? new Dictionary<int, ApiError>()
            : records.Commit(writes.Select(pair => pair.Write).ToList(), author);
        var committed = results.All(result => result is null) && failures.Count == 0;
        for (var position = 0; position < writes.Count; position++)
        {
            var (index, write) = writes[position];
            results[index] = committed ? UpsertResult.Saved(write.Id, write.IsCreate)
                : failures.TryGetValue(position, out var error) ? UpsertResult.Failed(error)
                : UpsertResult.Failed(RolledBack);
        }

        return results!;
    }

    private (RecordWrite? Write, IReadOnlyList<ApiError>? Errors) Prepare(
        SObjectType type,
        SObjectField keyField,
        JsonObject body,
        string? key,
        HashSet<string> repeated)
    {
        // NOTE: the code and wording of a missing external id value are a guess at Salesforce's.
        if (key is null)
        {
            return (null, [new ApiError($"{keyField.Name} not specified", "MISSING_ARGUMENT", [keyField.Name])]);
        }

        if (repeated.Contains(key))
        {
            var duplicate = new ApiError($"Duplicate external id specified: {key}", "DUPLICATE_VALUE", [keyField.Name]);
            return (null, [duplicate]);
        }

        var matches = lookup.Find(type, keyField, key);
        if (matches.Count > 1)
        {
            var ids = string.Join(", ", matches.Select(match => match.Id));
            var message = $"{keyField.Name}: more than one record found for external id field: [{ids}]";
            return (null, [new ApiError(message, "DUPLICATE_EXTERNAL_ID", [])]);
        }

        var (resolved, lookupError) = lookup.ResolveLookups(type, body);
        if (lookupError is not null)
        {
            return (null, [lookupError]);
        }

        var existing = matches.Count == 1 ? matches[0] : null;
        var validated = validator.Validate(type, resolved!, existing);
        if (!validated.IsValid)
        {
            return (null, validated.Errors);
        }

        var id = existing?.Id ?? records.NewId(type);
        return (new RecordWrite(type, id, existing is null, validated.Values), null);
    }
}
