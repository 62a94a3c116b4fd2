using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// Checks the <c>@ReferenceId</c> values of a plan before anything is posted, so that a typo is reported
/// before the first record exists in the org instead of after every earlier step was imported.
/// </summary>
public static class TreePlanReferences
{
    /// <summary>
    /// Throws <see cref="InvalidPlanException"/> listing every top-level field of a <c>resolveRefs</c> step
    /// that refers to a reference id no earlier <c>saveRefs</c> step contains.
    /// </summary>
    public static void Check(TreePlan plan, string? planPath = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>();
        var saved = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            for (var fileIndex = 0; fileIndex < step.Files.Count; fileIndex++)
            {
                var fileName = fileIndex < step.FileNames.Count ? step.FileNames[fileIndex] : $"file {fileIndex}";
                if (step.ResolveRefs)
                {
                    problems.AddRange(FindUnknownReferences(step.Files[fileIndex], saved)
                        .Select(problem => $"step {index} ({step.SObjectType}), {fileName}, {problem}"));
                }

                // The importer saves a file's ids, nested records' included, before it posts the next file.
                if (step.SaveRefs)
                {
                    AddReferenceIds(step.Files[fileIndex], saved);
                }
            }
        }

        if (problems.Count > 0)
        {
            var where = planPath is null ? "" : $"{planPath}: ";
            throw new InvalidPlanException(
                $"{where}{problems.Count} references to records no earlier step saved: {string.Join("; ", problems)}");
        }
    }

    private static IEnumerable<string> FindUnknownReferences(JsonArray records, HashSet<string> saved)
    {
        foreach (var record in records.OfType<JsonObject>())
        {
            foreach (var (field, value) in record)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var reference)
                    && reference.StartsWith('@') && !saved.Contains(reference[1..]))
                {
                    yield return $"record {record["attributes"]?["referenceId"]}: field {field} refers to '{reference}'";
                }
            }
        }
    }

    private static void AddReferenceIds(JsonArray records, HashSet<string> saved)
    {
        foreach (var record in records.OfType<JsonObject>())
        {
            if (record["attributes"]?["referenceId"] is JsonValue id && id.TryGetValue<string>(out var referenceId))
            {
                saved.Add(referenceId);
            }

            // Child records of a nested tree sit in "Relationship": { "records": [...] } objects.
            foreach (var (_, value) in record)
            {
                if (value is JsonObject { } child && child["records"] is JsonArray children)
                {
                    AddReferenceIds(children, saved);
                }
            }
        }
    }
}
