using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Builds the stored snapshot of a write: defaults on create, merged values, system fields.</summary>
internal static class RecordMerger
{
    /// <summary>
    /// Returns the new record and the fields whose value changed (every field set on a create). System
    /// fields are maintained here and are not reported as changed.
    /// </summary>
    public static (SalesforceRecord Record, IReadOnlySet<string> ChangedFields) Apply(
        RecordWrite write,
        SalesforceRecord? stored,
        RecordAuthor author,
        DateTimeOffset now)
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (stored is null)
        {
            foreach (var field in write.Type.Fields.Values)
            {
                fields[field.Name] = field.Type == FieldType.Boolean ? false : null;
            }

            fields["Id"] = write.Id;
            fields["CreatedDate"] = now;
            fields["CreatedById"] = author.UserId;
        }
        else
        {
            foreach (var (name, value) in stored.Fields)
            {
                fields[name] = value;
            }
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in write.Values)
        {
            if (stored is null || !Equals(fields[name], value))
            {
                changed.Add(name);
            }

            fields[name] = value;
        }

        fields["LastModifiedDate"] = now;
        fields["LastModifiedById"] = author.UserId;
        fields["SystemModstamp"] = now;
        return (new SalesforceRecord(write.Type.Name, write.Id, fields), changed);
    }
}
