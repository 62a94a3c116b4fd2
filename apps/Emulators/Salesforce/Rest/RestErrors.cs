using System.Text.Json.Serialization;
using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>One element of a REST error body, which is always a JSON array of these.</summary>
public sealed record RestError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("fields"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Fields = null);

/// <summary>Builds the REST API's error responses.</summary>
internal static class RestErrors
{
    public const string ResourceNotFoundMessage = "The requested resource does not exist";

    public static IResult Of(int statusCode, params IEnumerable<ApiError> errors) => Results.Json(
        errors.Select(error => new RestError(error.Message, error.ErrorCode, error.Fields)).ToList(),
        statusCode: statusCode);

    public static IResult NotFound(string message = ResourceNotFoundMessage) => Results.Json(
        new[] { new RestError(message, "NOT_FOUND") },
        statusCode: StatusCodes.Status404NotFound);

    public static IResult InvalidSession() => Results.Json(
        new[] { new RestError("Session expired or invalid", "INVALID_SESSION_ID") },
        statusCode: StatusCodes.Status401Unauthorized);

    public static IResult RequestLimitExceeded() => Results.Json(
        new[] { new RestError("TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED") },
        statusCode: StatusCodes.Status403Forbidden);

    public static IResult JsonParserError(string message) => Results.Json(
        new[] { new RestError(message, "JSON_PARSER_ERROR") },
        statusCode: StatusCodes.Status400BadRequest);
}
