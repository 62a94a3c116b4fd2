using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Field values of one record write after validation, keyed by canonical API name.</summary>
public sealed record ValidatedFields(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<ApiError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a JSON record body against the schema the way the REST API does. An unknown or read-only field
/// or an unconvertible value rejects the request on the first one. Per-field errors (length, restricted
/// picklist, references) and missing required fields are then reported together.
/// </summary>
public sealed class RecordValidator(SalesforceRecords records)
{
    /// <summary>
    /// Validates <paramref name="body"/> for a create (<paramref name="existing"/> null) or an update.
    /// <paramref name="pendingIds"/> are ids assigned earlier in the same request, valid as reference targets.
    /// </summary>
    public ValidatedFields Validate(
        SObjectType type,
        JsonObject body,
        SalesforceRecord? existing,
        IReadOnlySet<string>? pendingIds = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);

        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ApiError>();
        foreach (var (name, node) in body)
        {
            if (string.Equals(name, "attributes", StringComparison.Ordinal))
            {
                continue;
            }

            var field = type.FindField(name);
            if (field is null)
            {
                var message = $"No such column '{name}' on sobject of type {type.Name}";
                return Reject(new ApiError(message, "INVALID_FIELD", []));
            }

            if (field.ReadOnly)
            {
                return Reject(new ApiError(
                    $"Unable to create/update fields: {field.Name}. Please check the security settings of this "
                        + "field and verify that it is read/write for your profile or permission set.",
                    "INVALID_FIELD_FOR_INSERT_UPDATE",
                    field.Name));
            }

            if (!FieldValueConverter.TryConvert(field, node, out var value, out var parseError))
            {
                return Reject(parseError!);
            }

            var fieldError = CheckValue(field, value, pendingIds);
            if (fieldError is not null)
            {
                errors.Add(fieldError);
            }

            values[field.Name] = field.Type == FieldType.Reference && value is string reference
                ? SalesforceId.Normalize(reference) ?? reference
                : value;
        }

        var missing = MissingRequiredFields(type, values, existing);
        if (missing.Count > 0)
        {
            var message = $"Required fields are missing: [{string.Join(", ", missing)}]";
            errors.Add(new ApiError(message, "REQUIRED_FIELD_MISSING", missing));
        }

        return new ValidatedFields(values, errors);
    }

    private static ValidatedFields Reject(ApiError error) =>
        new(new Dictionary<string, object?>(), [error]);

    private static List<string> MissingRequiredFields(
        SObjectType type,
        Dictionary<string, object?> values,
        SalesforceRecord? existing)
    {
        var missing = new List<string>();
        foreach (var field in type.Fields.Values.Where(field => field.Required))
        {
            var provided = values.TryGetValue(field.Name, out var value);
            var isMissing = provided ? value is null : existing is null;
            if (isMissing)
            {
                missing.Add(field.Name);
            }
        }

        return missing;
    }

    private ApiError? CheckValue(SObjectField field, object? value, IReadOnlySet<string>? pendingIds)
    {
        if (value is not string text)
        {
            return null;
        }

        if (field.Type == FieldType.Reference)
        {
            return CheckReference(field, text, pendingIds);
        }

        if (field.Length is { } maxLength && text.Length > maxLength)
        {
            return new ApiError(
                $"{field.Label}: data value too large: {text} (max length={maxLength})", "STRING_TOO_LONG", field.Name);
        }

        if (field.RestrictedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            return new ApiError(
                $"{field.Label}: bad value for restricted picklist field: {text}",
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                field.Name);
        }

        return null;
    }

    private ApiError? CheckReference(SObjectField field, string value, IReadOnlySet<string>? pendingIds)
    {
        var id = SalesforceId.Normalize(value);
        if (id is null)
        {
            return new ApiError($"{field.Label}: id value of incorrect type: {value}", "MALFORMED_ID", field.Name);
        }

        var target = field.ReferenceTo!;
        if (!id.StartsWith(SalesforceSchema.KeyPrefixOf(target) ?? "?", StringComparison.Ordinal))
        {
            return new ApiError(
                $"{field.Label}: id value of incorrect type: {value}", "FIELD_INTEGRITY_EXCEPTION", field.Name);
        }

        // NOTE: references to objects the emulator does not store (User, QuoteLineItem) are checked by
        // key prefix only.
        var isStored = SalesforceSchema.Find(target) is not null;
        var exists = !isStored || pendingIds?.Contains(id) == true || records.Get(target, id) is not null;
        return exists
            ? null
            : new ApiError("invalid cross reference id", "INVALID_CROSS_REFERENCE_KEY", field.Name);
    }
}
