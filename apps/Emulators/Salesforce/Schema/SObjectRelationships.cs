namespace DaprSync.SalesforceEmulator.Schema;

/// <summary>
/// Parent relationships of reference fields: the standard field <c>AccountId</c> is the relationship
/// <c>Account</c>, and the custom field <c>Account__c</c> the relationship <c>Account__r</c>.
/// </summary>
public static class SObjectRelationships
{
    /// <summary>Returns the relationship name of a reference field, or null for any other field.</summary>
    public static string? RelationshipNameOf(SObjectField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Type != FieldType.Reference)
        {
            return null;
        }

        if (field.Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase))
        {
            return field.Name[..^3] + "__r";
        }

        return field.Name.EndsWith("Id", StringComparison.Ordinal) ? field.Name[..^2] : null;
    }

    /// <summary>Returns the reference field of relationship <paramref name="name"/> in any casing, or null.</summary>
    public static SObjectField? FindParentReference(SObjectType type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Fields.Values.FirstOrDefault(field =>
            string.Equals(RelationshipNameOf(field), name, StringComparison.OrdinalIgnoreCase));
    }
}
