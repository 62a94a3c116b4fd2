using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>
/// One record of an sObject Tree request. <see cref="ParentIndex"/> and <see cref="ParentField"/> link a
/// nested child to its parent; <see cref="Fields"/> excludes <c>attributes</c> and child relationships.
/// </summary>
internal sealed record TreeNode(
    SObjectType Type,
    string ReferenceId,
    JsonObject Fields,
    int? ParentIndex,
    string? ParentField);

/// <summary>A structural error of one tree record, reported under its reference id.</summary>
internal sealed record TreeNodeError(string ReferenceId, ApiError Error);

/// <summary>Flattens an sObject Tree request body into records in depth-first order.</summary>
internal static class CompositeTreeParser
{
    /// <summary>Salesforce allows a tree of up to five levels: a root record and four levels of children.</summary>
    public const int MaxDepth = 5;

    public static (List<TreeNode> Nodes, List<TreeNodeError> Errors) Parse(SObjectType rootType, JsonObject body)
    {
        var nodes = new List<TreeNode>();
        var errors = new List<TreeNodeError>();
        if (body["records"] is JsonArray records)
        {
            AddRecords(records, rootType, parentIndex: null, parentField: null, depth: 1, nodes, errors);
        }

        return (nodes, errors);
    }

    private static void AddRecords(
        JsonArray records,
        SObjectType expectedType,
        int? parentIndex,
        string? parentField,
        int depth,
        List<TreeNode> nodes,
        List<TreeNodeError> errors)
    {
        foreach (var item in records)
        {
            if (item is not JsonObject record)
            {
                continue;
            }

            var referenceId = record["attributes"]?["referenceId"]?.GetValue<string>() ?? "";
            var typeName = record["attributes"]?["type"]?.GetValue<string>();
            if (typeName is null || !string.Equals(typeName, expectedType.Name, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new TreeNodeError(referenceId, new ApiError(
                    $"The record type '{typeName}' does not match the expected sObject type {expectedType.Name}.",
                    "INVALID_TYPE",
                    [])));
                continue;
            }

            if (referenceId.Length == 0)
            {
                errors.Add(new TreeNodeError(referenceId, new ApiError(
                    "Every record needs a referenceId in its attributes.", "INVALID_INPUT", [])));
                continue;
            }

            if (depth > MaxDepth)
            {
                errors.Add(new TreeNodeError(referenceId, new ApiError(
                    $"The tree is deeper than the maximum of {MaxDepth} levels.", "INVALID_INPUT", [])));
                continue;
            }

            var fields = new JsonObject();
            var children = new List<(ChildRelationship Relationship, JsonArray Records)>();
            foreach (var (name, value) in record)
            {
                if (expectedType.ChildRelationships.TryGetValue(name, out var relationship)
                    && value is JsonObject { } nested && nested["records"] is JsonArray childRecords)
                {
                    children.Add((relationship, childRecords));
                }
                else if (!string.Equals(name, "attributes", StringComparison.Ordinal))
                {
                    fields[name] = value?.DeepClone();
                }
            }

            var index = nodes.Count;
            nodes.Add(new TreeNode(expectedType, referenceId, fields, parentIndex, parentField));
            foreach (var (relationship, childRecords) in children)
            {
                var childType = SalesforceSchema.Find(relationship.ChildSObject)!;
                AddRecords(childRecords, childType, index, relationship.Field, depth + 1, nodes, errors);
            }
        }
    }
}
