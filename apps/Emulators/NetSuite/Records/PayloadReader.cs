using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records;

/// <summary>
/// Reads typed values out of a record body and keeps the first validation error, which is the one NetSuite
/// reports. A JSON null reads as null, which clears the field.
/// </summary>
internal sealed class PayloadReader
{
    public NetSuiteErrorDetail? Error { get; private set; }

    public bool Failed => Error is not null;

    public void Fail(NetSuiteErrorDetail error) => Error ??= error;

    public string? ReadString(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            default:
                Fail(RecordErrors.InvalidValueType(path, "string"));
                return null;
        }
    }

    public bool? ReadBoolean(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Fail(RecordErrors.InvalidValueType(path, "boolean"));
                return null;
        }
    }

    public decimal? ReadNumber(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Fail(RecordErrors.InvalidValueType(path, "number"));
        return null;
    }

    /// <summary>
    /// Reads a reference such as <c>{"id": "2"}</c>. The id may be a string or a number, and <c>refName</c> is
    /// accepted and ignored, as NetSuite does on write.
    /// </summary>
    public string? ReadReferenceId(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(RecordErrors.InvalidValueType(path, "object"));
            return null;
        }

        string? id = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id" when property.Value.ValueKind == JsonValueKind.String:
                    id = property.Value.GetString();
                    break;
                case "id" when property.Value.ValueKind == JsonValueKind.Number:
                    id = property.Value.GetRawText();
                    break;
                case "id":
                    Fail(RecordErrors.InvalidValueType(path + ".id", "string"));
                    break;
                case "refName":
                    break;
                default:
                    Fail(RecordErrors.NonexistentField(path + "." + property.Name));
                    break;
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            Fail(RecordErrors.InvalidValueType(path + ".id", "string"));
        }

        return id;
    }
}
