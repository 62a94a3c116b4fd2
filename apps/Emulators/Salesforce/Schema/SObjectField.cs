namespace DaprSync.SalesforceEmulator.Schema;

/// <summary>Salesforce field data types that the emulator validates and converts.</summary>
public enum FieldType
{
    Id,
    Text,
    TextArea,
    Phone,
    Url,
    Picklist,
    Reference,
    Currency,
    Number,
    Percent,
    Boolean,
    Date,
    DateTime,
}

/// <summary>
/// One field of an sObject. <see cref="Length"/> is the maximum number of characters of a text field.
/// <see cref="ReferenceTo"/> is the target sObject of a lookup or master-detail field.
/// <see cref="RestrictedValues"/> lists the values of a restricted picklist (null when any value is accepted).
/// <see cref="ExternalId"/> marks a field that upserts and relationship lookups may match records by.
/// </summary>
public sealed record SObjectField(
    string Name,
    FieldType Type,
    string Label,
    int? Length = null,
    bool Required = false,
    bool ReadOnly = false,
    bool Unique = false,
    string? ReferenceTo = null,
    IReadOnlyList<string>? RestrictedValues = null,
    bool ExternalId = false)
{
    /// <summary>Salesforce's name of the type in JSON deserialization errors, for example <c>currency</c>.</summary>
    public string SoapTypeName => Type switch
    {
        FieldType.Currency => "currency",
        FieldType.Number => "double",
        FieldType.Percent => "percent",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.DateTime => "datetime",
        FieldType.Reference or FieldType.Id => "reference",
        FieldType.Picklist => "picklist",
        _ => "string",
    };
}

/// <summary>A child relationship, such as <c>Orders</c> on Account, used by nested composite/tree records.</summary>
public sealed record ChildRelationship(string Name, string ChildSObject, string Field);

/// <summary>
/// The describe of one sObject: its API name, the 3-character key prefix of its ids, its fields by
/// case-insensitive name and its child relationships.
/// </summary>
public sealed class SObjectType
{
    public SObjectType(
        string name,
        string keyPrefix,
        IEnumerable<SObjectField> fields,
        IEnumerable<ChildRelationship> childRelationships)
    {
        Name = name;
        KeyPrefix = keyPrefix;
        Fields = fields.ToDictionary(field => field.Name, StringComparer.OrdinalIgnoreCase);
        ChildRelationships = childRelationships.ToDictionary(
            relationship => relationship.Name,
            StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string KeyPrefix { get; }

    public IReadOnlyDictionary<string, SObjectField> Fields { get; }

    public IReadOnlyDictionary<string, ChildRelationship> ChildRelationships { get; }

    public SObjectField? FindField(string name) => Fields.GetValueOrDefault(name);
}
