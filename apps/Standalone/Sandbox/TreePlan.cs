using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>One step of an SFDX data-tree plan: an sObject type and the record files to import for it.</summary>
public sealed record TreePlanStep(string SObjectType, bool SaveRefs, bool ResolveRefs, IReadOnlyList<JsonArray> Files);

/// <summary>
/// An SFDX data-tree plan (the format of <c>sf data export tree --plan</c>), loaded with its record
/// files. Each file contains at most 200 records, the maximum of one <c>composite/tree</c> request.
/// </summary>
public sealed record TreePlan(IReadOnlyList<TreePlanStep> Steps)
{
    public const int MaxRecordsPerRequest = 200;

    /// <summary>Reads a plan file and the record files it names, relative to the plan's folder.</summary>
    public static TreePlan Load(string planPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
        var plan = JsonNode.Parse(File.ReadAllText(planPath))?.AsArray()
            ?? throw new InvalidDataException($"Plan {planPath} is not a JSON array of steps.");

        var steps = new List<TreePlanStep>();
        foreach (var (step, index) in plan.Select((step, index) => (step, index)))
        {
            var sObject = step?["sobject"]?.GetValue<string>()
                ?? throw new InvalidDataException($"Plan {planPath}, step {index}: 'sobject' is missing.");
            var files = step["files"]?.AsArray()
                ?? throw new InvalidDataException($"Plan {planPath}, step {index}: 'files' is missing.");

            var records = files.Select(file => ReadRecords(Path.Combine(folder, file!.GetValue<string>()))).ToList();
            steps.Add(new TreePlanStep(
                sObject,
                step["saveRefs"]?.GetValue<bool>() ?? false,
                step["resolveRefs"]?.GetValue<bool>() ?? false,
                records));
        }

        return new TreePlan(steps);
    }

    private static JsonArray ReadRecords(string path)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Record file {path} is not valid JSON: {exception.Message}", exception);
        }

        var records = document?["records"]?.AsArray()
            ?? throw new InvalidDataException($"Record file {path} has no 'records' array.");
        if (records.Count > MaxRecordsPerRequest)
        {
            throw new InvalidDataException(
                $"Record file {path} has {records.Count} records; composite/tree accepts at most {MaxRecordsPerRequest}.");
        }

        return records;
    }
}
