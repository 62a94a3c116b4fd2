using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>Reads a JSON object request body, or the <c>JSON_PARSER_ERROR</c> response to return instead.</summary>
internal static class RequestBody
{
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            return (null, RestErrors.JsonParserError($"Unexpected character in the request body: {exception.Message}"));
        }

        return node is JsonObject body
            ? (body, null)
            : (null, RestErrors.JsonParserError("The request body must be a JSON object."));
    }
}
