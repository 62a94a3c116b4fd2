using System.Text.Json.Serialization;
using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>An error of one record in an sObject Collections response.</summary>
internal sealed record CollectionError(
    [property: JsonPropertyName("statusCode")] string StatusCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields)
{
    public static CollectionError Of(ApiError error) => new(error.ErrorCode, error.Message, error.Fields);
}

/// <summary>One UpsertResult: the record id and whether it was created, or the record's errors.</summary>
internal sealed record UpsertResult(
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IReadOnlyList<CollectionError> Errors,
    [property: JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    bool? Created)
{
    public static UpsertResult Saved(string id, bool created) => new(id, true, [], created);

    public static UpsertResult Failed(params IEnumerable<ApiError> errors) =>
        new(null, false, errors.Select(CollectionError.Of).ToList(), null);
}
