using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>One parent hop of a field path: the reference field followed and the sObject it points to.</summary>
public sealed record SoqlHop(SObjectField Reference, string RelationshipName, SObjectType Target);

/// <summary>A field path checked against the schema: the parent hops, then the field on the last sObject.</summary>
public sealed record ResolvedField(SoqlFieldPath Path, IReadOnlyList<SoqlHop> Hops, SObjectField Field);

/// <summary>Checks names in a query against the schema, raising the errors Salesforce returns for bad names.</summary>
public static class SoqlFieldResolver
{
    private const string WsdlHint = "Please reference your WSDL or the describe call for the appropriate names.";

    /// <summary>Returns the sObject named in a top-level FROM, or raises <c>INVALID_TYPE</c>.</summary>
    public static SObjectType ResolveType(string name, int position) =>
        SalesforceSchema.Find(name) ?? throw new SoqlException(
            "INVALID_TYPE",
            $"sObject type '{name}' is not supported. If you are attempting to use a custom object, be sure to "
                + $"append the '__c' after the entity name. {WsdlHint}",
            position);

    /// <summary>Returns the child relationship named in a subquery's FROM, or raises <c>INVALID_TYPE</c>.</summary>
    public static ChildRelationship ResolveChild(SObjectType parent, string name, int position) =>
        parent.ChildRelationships.GetValueOrDefault(name) ?? throw new SoqlException(
            "INVALID_TYPE",
            $"Didn't understand relationship '{name}' in FROM part of query call. If you are attempting to use "
                + $"a custom relationship, be sure to append the '__r' after the custom relationship name. {WsdlHint}",
            position);

    /// <summary>Resolves <paramref name="path"/> on <paramref name="type"/>, or raises <c>INVALID_FIELD</c>.</summary>
    public static ResolvedField Resolve(SObjectType type, SoqlFieldPath path)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(path);

        var hops = new List<SoqlHop>();
        var current = type;
        foreach (var relationship in path.Parts.Take(path.Parts.Count - 1))
        {
            var reference = SObjectRelationships.FindParentReference(current, relationship);
            var target = reference is null ? null : SalesforceSchema.Find(reference.ReferenceTo!);

            // NOTE: paths through objects the emulator does not store, such as CreatedBy (User), are rejected
            // here although Salesforce accepts them.
            if (reference is null || target is null)
            {
                throw new SoqlException(
                    "INVALID_FIELD",
                    $"Didn't understand relationship '{relationship}' in field path. If you are attempting to use "
                        + "a custom relationship, be sure to append the '__r' after the custom relationship name. "
                        + WsdlHint,
                    path.Position);
            }

            hops.Add(new SoqlHop(reference, SObjectRelationships.RelationshipNameOf(reference)!, target));
            current = target;
        }

        var name = path.Parts[^1];
        var field = current.FindField(name) ?? throw new SoqlException(
            "INVALID_FIELD",
            $"No such column '{name}' on entity '{current.Name}'. If you are attempting to use a custom field, be "
                + $"sure to append the '__c' after the custom field name. {WsdlHint}",
            path.Position);
        return new ResolvedField(path, hops, field);
    }

    /// <summary>Checks that a filter value suits the field's type, as Salesforce does before running a query.</summary>
    public static void CheckLiteral(ResolvedField field, SoqlLiteral literal)
    {
        if (literal.Value is null)
        {
            return;
        }

        var (expected, quoted) = field.Field.Type switch
        {
            FieldType.Date => ("date", false),
            FieldType.DateTime => ("datetime", false),
            FieldType.Currency or FieldType.Number or FieldType.Percent => ("double", false),
            FieldType.Boolean => ("boolean", false),
            FieldType.Id or FieldType.Reference => ("id", true),
            _ => ("string", true),
        };
        var matches = expected switch
        {
            "date" => literal.Value is DateOnly,
            "datetime" => literal.Value is DateTimeOffset,
            "double" => literal.Value is decimal,
            "boolean" => literal.Value is bool,
            _ => literal.Value is string,
        };
        if (!matches)
        {
            var enclosure = quoted ? "should be enclosed in quotes" : "should not be enclosed in quotes";
            throw new SoqlException(
                "INVALID_FIELD",
                $"value of filter criterion for field '{field.Field.Name}' must be of type {expected} and {enclosure}",
                literal.Position);
        }
    }
}
