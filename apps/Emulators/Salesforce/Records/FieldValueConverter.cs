using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Converts JSON field values of a request body to stored values of the field's type.</summary>
internal static class FieldValueConverter
{
    /// <summary>
    /// Converts <paramref name="node"/> for <paramref name="field"/>. Returns false with a
    /// <c>JSON_PARSER_ERROR</c> when the JSON token cannot become a value of the field's type.
    /// </summary>
    public static bool TryConvert(SObjectField field, JsonNode? node, out object? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonValue scalar)
        {
            error = ParserError(field, node.GetValueKind() == JsonValueKind.Array ? "START_ARRAY" : "START_OBJECT", "");
            return false;
        }

        var kind = scalar.GetValueKind();
        var raw = kind == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        value = field.Type switch
        {
            FieldType.Currency or FieldType.Number or FieldType.Percent => ToDecimal(kind, raw),
            FieldType.Boolean => ToBoolean(kind, raw),
            FieldType.Date => kind == JsonValueKind.String ? ToDate(raw) : null,
            FieldType.DateTime => kind == JsonValueKind.String ? ToDateTime(raw) : null,
            _ => raw,
        };

        if (value is null)
        {
            error = ParserError(field, TokenName(kind), raw);
            return false;
        }

        return true;
    }

    private static object? ToDecimal(JsonValueKind kind, string raw) =>
        kind is JsonValueKind.Number or JsonValueKind.String
        && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static object? ToBoolean(JsonValueKind kind, string raw) => kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(raw, out var flag) => flag,
        _ => null,
    };

    private static object? ToDate(string raw) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static object? ToDateTime(string raw)
    {
        // Salesforce writes offsets without a colon (+0000), and .NET parses both forms.
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, styles, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    private static string TokenName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER_FLOAT",
        JsonValueKind.True => "VALUE_TRUE",
        JsonValueKind.False => "VALUE_FALSE",
        _ => "VALUE_EMBEDDED_OBJECT",
    };

    // NOTE: Salesforce appends the position in the body ("at [line:1, column:N]"). The emulator omits it
    // because JsonNode keeps no source positions.
    private static ApiError ParserError(SObjectField field, string token, string raw) => new(
        $"Cannot deserialize instance of {field.SoapTypeName} from {token} value {raw} "
            + "or request may be missing a required field",
        "JSON_PARSER_ERROR",
        []);
}
