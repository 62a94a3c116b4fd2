using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// A page of SuiteQL results. Each item maps a column name to its value as text, because the REST query service
/// returns every value as a string and leaves empty values out.
/// </summary>
public sealed record SuiteQlPage(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("hasMore")] bool HasMore,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("totalResults")] int TotalResults,
    [property: JsonPropertyName("items")] IReadOnlyList<Dictionary<string, JsonElement>> Items)
{
    /// <summary>Reads a column as text; null when NetSuite left the value out.</summary>
    public static string? Read(IReadOnlyDictionary<string, JsonElement> item, string column)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.TryGetValue(column, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}

/// <summary>NetSuite rejected a SuiteQL query with an error that retrying the same query does not clear.</summary>
public sealed class SuiteQlRejectedException(int status, string? errorCode, string detail)
    : Exception($"NetSuite rejected the SuiteQL query with HTTP {status} {errorCode}: {detail}")
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    public string Detail { get; } = detail;
}

/// <summary>NetSuite could not be reached or stayed unavailable (429, 5xx, timeout) after the retries.</summary>
public sealed class NetSuiteUnavailableException(string reason, Exception? inner = null)
    : Exception(reason, inner);
