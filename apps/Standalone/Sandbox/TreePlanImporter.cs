using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// Imports a data-tree plan through <c>composite/tree</c>, doing what <c>sf data import tree</c>
/// does on the client side: saving the ids that each step returns by reference id and replacing
/// <c>@ReferenceId</c> values in later steps with them.
/// </summary>
public sealed class TreePlanImporter(SalesforceLoader loader)
{
    private readonly Dictionary<string, string> _savedIds = new(StringComparer.Ordinal);

    /// <summary>Imports every step in order and returns the number of records created per sObject type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ImportAsync(
        TreePlan plan,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        TreePlanReferences.Check(plan);
        var created = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            var createdInStep = 0;
            foreach (var file in step.Files)
            {
                var records = (JsonArray)file.DeepClone();
                if (step.ResolveRefs)
                {
                    ResolveReferences(records, step.SObjectType);
                }

                IReadOnlyDictionary<string, string> ids;
                try
                {
                    ids = await loader.CreateTreeAsync(step.SObjectType, records, cancellationToken);
                }
                catch (InvalidPlanException exception)
                {
                    throw new InvalidPlanException($"step {index} ({step.SObjectType}): {exception.Message}", exception);
                }

                if (step.SaveRefs)
                {
                    foreach (var (referenceId, id) in ids)
                    {
                        _savedIds[referenceId] = id;
                    }
                }

                created[step.SObjectType] = created.GetValueOrDefault(step.SObjectType) + ids.Count;
                createdInStep += ids.Count;
            }

            progress?.Invoke($"imported {createdInStep} {step.SObjectType} records");
        }

        return created;
    }

    /// <summary>Returns the id that an imported record's reference id was saved under.</summary>
    public string IdOf(string referenceId) =>
        _savedIds.TryGetValue(referenceId, out var id)
            ? id
            : throw new KeyNotFoundException($"No record was imported with reference id '{referenceId}'.");

    private void ResolveReferences(JsonArray records, string sObjectType)
    {
        foreach (var record in records.OfType<JsonObject>())
        {
            foreach (var (field, value) in record.ToList())
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var reference) && reference.StartsWith('@'))
                {
                    var referenceId = reference[1..];
                    record[field] = _savedIds.TryGetValue(referenceId, out var id)
                        ? id
                        : throw new InvalidDataException(
                            $"{sObjectType} record {record["attributes"]?["referenceId"]}: field {field} refers to " +
                            $"'{reference}', which no earlier step of the plan saved.");
                }
            }
        }
    }
}
