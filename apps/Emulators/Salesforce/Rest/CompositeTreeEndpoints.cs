using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>An error of one tree record, in the sObject Tree response's shape.</summary>
internal sealed record TreeError(
    [property: JsonPropertyName("statusCode")] string StatusCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields);

/// <summary>One result of an sObject Tree response: the new id, or the record's errors.</summary>
internal sealed record TreeResult(
    [property: JsonPropertyName("referenceId")] string ReferenceId,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TreeError>? Errors);

internal sealed record TreeResponse(
    [property: JsonPropertyName("hasErrors")] bool HasErrors,
    [property: JsonPropertyName("results")] IReadOnlyList<TreeResult> Results);

/// <summary>
/// The sObject Tree resource (<c>composite/tree/{type}</c>) that <c>sf data import tree</c> calls: up to
/// 200 records with nested children, created all-or-nothing.
/// </summary>
internal static class CompositeTreeEndpoints
{
    public const int MaxRecords = 200;

    public static RouteGroupBuilder MapCompositeTreeApi(this RouteGroupBuilder rest)
    {
        rest.MapPost("/composite/tree/{type}", CreateTreeAsync)
            .WithMetadata(new ApiEndpointName(ApiEndpoints.CompositeTree));
        return rest;
    }

    private static async Task<IResult> CreateTreeAsync(
        string type,
        HttpContext http,
        SalesforceRecords records,
        RecordValidator validator)
    {
        var rootType = SalesforceSchema.Find(type);
        if (rootType is null)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await RequestBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return parseError!;
        }

        if (body["records"] is not JsonArray)
        {
            return RestErrors.JsonParserError("The request body must contain a records array.");
        }

        var (nodes, structureErrors) = CompositeTreeParser.Parse(rootType, body);
        if (structureErrors.Count > 0)
        {
            return Rejected(structureErrors.Select(error => (error.ReferenceId, error.Error)));
        }

        if (nodes.Count > MaxRecords)
        {
            // NOTE: the 200-record limit is Salesforce's, but the wording and status code of this rejection
            // are a guess.
            var error = new ApiError(
                $"The request contains {nodes.Count} records, more than the maximum of {MaxRecords}.",
                "LIMIT_EXCEEDED",
                []);
            return Rejected([(nodes[0].ReferenceId, error)]);
        }

        var ids = nodes.Select(node => records.NewId(node.Type)).ToList();
        var pendingIds = ids.ToHashSet(StringComparer.Ordinal);
        var writes = new List<RecordWrite>(nodes.Count);
        var failures = new List<(string ReferenceId, ApiError Error)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.ParentIndex is { } parent)
            {
                // The server links a nested child to its parent. Replacing "@ref" values is the CLI's work.
                node.Fields[node.ParentField!] = ids[parent];
            }

            var validated = validator.Validate(node.Type, node.Fields, existing: null, pendingIds);
            failures.AddRange(validated.Errors.Select(error => (node.ReferenceId, error)));
            writes.Add(new RecordWrite(node.Type, ids[i], IsCreate: true, validated.Values));
        }

        if (failures.Count > 0)
        {
            return Rejected(failures);
        }

        var duplicates = records.Commit(writes, SObjectEndpoints.AuthorOf(http));
        if (duplicates.Count > 0)
        {
            return Rejected(duplicates.Select(pair => (nodes[pair.Key].ReferenceId, pair.Value)));
        }

        var results = nodes.Select((node, i) => new TreeResult(node.ReferenceId, ids[i], null)).ToList();
        return Results.Json(new TreeResponse(false, results), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Rejected(IEnumerable<(string ReferenceId, ApiError Error)> failures)
    {
        var results = failures
            .GroupBy(failure => failure.ReferenceId, StringComparer.Ordinal)
            .Select(group => new TreeResult(
                group.Key,
                null,
                group.Select(failure => ToTreeError(failure.Error)).ToList()))
            .ToList();
        return Results.Json(new TreeResponse(true, results), statusCode: StatusCodes.Status400BadRequest);
    }

    private static TreeError ToTreeError(ApiError error) => new(error.ErrorCode, error.Message, error.Fields);
}
