namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Finds values of unique fields (external ids) that another record already holds.</summary>
internal static class UniqueFieldChecker
{
    /// <summary>
    /// Returns a <c>DUPLICATE_VALUE</c> error per write index. Unique values compare case-insensitively.
    /// </summary>
    /// <param name="writes">The writes of one commit.</param>
    /// <param name="storedHolder">Returns the id of a stored record, other than the given id, that contains a value
    /// (sObject, field, value in upper case, id of the writing record), or null.</param>
    public static Dictionary<int, ApiError> FindDuplicates(
        IReadOnlyList<RecordWrite> writes,
        Func<string, string, string, string, string?> storedHolder)
    {
        var errors = new Dictionary<int, ApiError>();

        // Values claimed by earlier writes of the same commit.
        var claimed = new Dictionary<(string Type, string Field, string Value), string>();
        for (var index = 0; index < writes.Count; index++)
        {
            var write = writes[index];
            foreach (var field in write.Type.Fields.Values.Where(field => field.Unique))
            {
                if (!write.Values.TryGetValue(field.Name, out var value) || value is not string text)
                {
                    continue;
                }

                var key = (Type: write.Type.Name, Field: field.Name, Value: text.ToUpperInvariant());
                var holder = claimed.TryGetValue(key, out var claimant) && claimant != write.Id
                    ? claimant
                    : storedHolder(key.Type, key.Field, key.Value, write.Id);
                if (holder is not null)
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
}
