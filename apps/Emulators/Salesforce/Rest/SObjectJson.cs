using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>Writes records in the REST API's JSON shape: an <c>attributes</c> object, then the fields.</summary>
internal static class SObjectJson
{
    /// <summary>Returns the record's JSON with every field, or only <paramref name="fields"/> when given.</summary>
    public static JsonObject ToJson(SalesforceRecord record, string version, IReadOnlyList<string>? fields = null)
    {
        var json = new JsonObject
        {
            ["attributes"] = new JsonObject
            {
                ["type"] = record.SObjectType,
                ["url"] = $"/services/data/{version}/sobjects/{record.SObjectType}/{record.Id}",
            },
        };

        foreach (var name in fields ?? record.Fields.Keys.ToList())
        {
            json[name] = ToNode(record[name]);
        }

        return json;
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        decimal number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset instant => JsonValue.Create(FormatDateTime(instant)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Formats a datetime as Salesforce does, for example <c>2026-12-04T14:56:26.000+0000</c>.</summary>
    public static string FormatDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
