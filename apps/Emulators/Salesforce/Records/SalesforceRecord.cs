namespace DaprSync.SalesforceEmulator.Records;

/// <summary>
/// A Salesforce error as the REST API reports it: the message, the error code (such as
/// <c>INVALID_FIELD</c>) and the API names of the fields involved.
/// </summary>
public sealed record ApiError(string Message, string ErrorCode, IReadOnlyList<string> Fields)
{
    public ApiError(string message, string errorCode, string field)
        : this(message, errorCode, [field])
    {
    }
}

/// <summary>
/// A stored record: every field of its sObject by canonical API name (case-insensitive lookup), null when
/// unset. Values are <see cref="string"/>, <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateOnly"/>
/// or <see cref="DateTimeOffset"/> (UTC) by field type. Instances are immutable snapshots.
/// </summary>
public sealed record SalesforceRecord(string SObjectType, string Id, IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields.GetValueOrDefault(field);

    /// <summary>Returns a field's value as text, or null when it is unset.</summary>
    public string? GetString(string field) => this[field] switch
    {
        null => null,
        string text => text,
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The user a write is made as: the session's user id and whether it is the integration user.</summary>
public sealed record RecordAuthor(string UserId, bool IsIntegrationUser);
