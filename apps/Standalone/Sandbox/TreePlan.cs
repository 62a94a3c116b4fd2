using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>One step of an SFDX data-tree plan: an sObject type and the record files to import for it.</summary>
public sealed record TreePlanStep(string SObjectType, bool SaveRefs, bool ResolveRefs, IReadOnlyList<JsonArray> Files)
{
    /// <summary>The record files' paths as the plan names them, in the order of <see cref="Files"/>.</summary>
    public IReadOnlyList<string> FileNames { get; init; } = [];
}

/// <summary>
/// An SFDX data-tree plan (the format of <c>sf data export tree --plan</c>), loaded with its record
/// files. Each file contains at most 200 records, the maximum of one <c>composite/tree</c> request.
/// </summary>
public sealed record TreePlan(IReadOnlyList<TreePlanStep> Steps)
{
    public const int MaxRecordsPerRequest = 200;

    /// <summary>
    /// Reads a plan file and the record files it names, relative to the plan's folder. Throws
    /// <see cref="InvalidDataException"/> naming the file, step or record when the plan is invalid.
    /// </summary>
    public static TreePlan Load(string planPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
        if (ParseFile(planPath) is not JsonArray plan)
        {
            throw new InvalidDataException($"Plan {planPath} must be a JSON array of steps, as sf data export tree --plan writes it.");
        }

        var steps = new List<TreePlanStep>();
        for (var index = 0; index < plan.Count; index++)
        {
            var step = plan[index] as JsonObject;
            var sObject = Text(step?["sobject"])
                ?? throw new InvalidDataException($"Plan {planPath}, step {index}: 'sobject' is missing or not a string.");
            if (step!["files"] is not JsonArray files || files.Count == 0)
            {
                throw new InvalidDataException($"Plan {planPath}, step {index} ({sObject}): 'files' is missing or empty.");
            }

            var fileNames = files
                .Select(file => Text(file)
                    ?? throw new InvalidDataException($"Plan {planPath}, step {index}: a file name is not a string."))
                .ToList();
            var records = fileNames.Select(name => ReadRecords(Path.Combine(folder, name))).ToList();
            steps.Add(new TreePlanStep(sObject, Flag(step, "saveRefs"), Flag(step, "resolveRefs"), records)
            {
                FileNames = fileNames,
            });
        }

        var loaded = new TreePlan(steps);
        TreePlanReferences.Check(loaded, planPath);
        return loaded;
    }

    private static JsonNode? ParseFile(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path} was not found.", exception);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool Flag(JsonObject step, string name) =>
        step[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static JsonArray ReadRecords(string path)
    {
        if (ParseFile(path)?["records"] is not JsonArray records)
        {
            throw new InvalidDataException($"Record file {path} has no 'records' array.");
        }

        if (records.Count > MaxRecordsPerRequest)
        {
            throw new InvalidDataException(
                $"Record file {path} has {records.Count} records; composite/tree accepts at most {MaxRecordsPerRequest}.");
        }

        return records;
    }
}
