using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprSync.NetSuiteSapi.Rest;

/// <summary>One entry of <c>o:errorDetails</c> in a NetSuite REST error body.</summary>
public sealed record NetSuiteRestErrorDetail(
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("o:errorCode")] string? ErrorCode,
    [property: JsonPropertyName("o:errorPath")] string? ErrorPath);

/// <summary>A NetSuite REST error body: <c>type</c>, <c>title</c>, <c>status</c> and <c>o:errorDetails</c>.</summary>
public sealed record NetSuiteRestError(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("o:errorDetails")] IReadOnlyList<NetSuiteRestErrorDetail>? ErrorDetails)
{
    /// <summary>Parses an error body, or returns null when the text is not a NetSuite error body.</summary>
    public static NetSuiteRestError? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize<NetSuiteRestError>(content);
            return error?.ErrorDetails is { Count: > 0 } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
