namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Finds values of unique fields (external ids) that another record already holds.</summary>
internal static class UniqueFieldChecker
{
    /// <summary>
    /// Returns a <c>DUPLICATE_VALUE</c> error per write index. Unique values compare case-insensitively.
    /// </summary>
    public static Dictionary<int, ApiError> FindDuplicates(
        IReadOnlyList<RecordWrite> writes,
        IEnumerable<SalesforceRecord> stored)
    {
        var errors = new Dictionary<int, ApiError>();
        var claimed = new Dictionary<(string Type, string Field, string Value), string>();
        foreach (var record in stored)
        {
            foreach (var (name, value) in record.Fields)
            {
                if (value is string text && IsUnique(record.SObjectType, name))
                {
                    claimed[(record.SObjectType, name, text.ToUpperInvariant())] = record.Id;
                }
            }
        }

        for (var index = 0; index < writes.Count; index++)
        {
            var write = writes[index];
            foreach (var field in write.Type.Fields.Values.Where(field => field.Unique))
            {
                if (!write.Values.TryGetValue(field.Name, out var value) || value is not string text)
                {
                    continue;
                }

                var key = (write.Type.Name, field.Name, text.ToUpperInvariant());
                if (claimed.TryGetValue(key, out var holder) && holder != write.Id)
                {
                    errors[index] = new ApiError(
                        $"duplicate value found: {field.Name} duplicates value on record with id: {holder}",
                        "DUPLICATE_VALUE",
                        []);
                    continue;
                }

                claimed[key] = write.Id;
            }
        }

        return errors;
    }

    private static bool IsUnique(string sObjectType, string fieldName) =>
        Schema.SalesforceSchema.Find(sObjectType)?.FindField(fieldName)?.Unique == true;
}
