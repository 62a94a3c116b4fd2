using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

/// <summary>
/// Imports the Northwind SFDX data-tree plan the way <c>sf data import tree</c> does: files in plan order,
/// at most 200 records a request, and <c>@referenceId</c> values replaced on the client by the ids of
/// records created earlier.
/// </summary>
public sealed class NorthwindImportTests
{
    private static readonly string PlanPath =
        TestSupport.SharedDirectory.PathOf("data", "northwind", "sfdx", "northwind-plan.json");

    [Fact]
    public async Task Import_NorthwindPlan_CreatesEveryRecord()
    {
        if (!File.Exists(PlanPath))
        {
            Assert.Skip($"The Northwind plan is not present at {PlanPath}.");
        }

        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync(asIntegrationUser: false);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);

        var plan = JsonNode.Parse(await File.ReadAllTextAsync(PlanPath, EmulatorHost.Cancel))!.AsArray();
        foreach (var step in plan)
        {
            var sObjectType = step!["sobject"]!.GetValue<string>();
            foreach (var file in step["files"]!.AsArray())
            {
                var path = Path.Combine(Path.GetDirectoryName(PlanPath)!, file!.GetValue<string>());
                var records = JsonNode.Parse(await File.ReadAllTextAsync(
                    path, EmulatorHost.Cancel))!["records"]!.AsArray();
                expected[sObjectType] = expected.GetValueOrDefault(sObjectType) + records.Count;
                foreach (var chunk in records.Chunk(200))
                {
                    await ImportChunkAsync(rest, sObjectType, chunk, ids);
                }
            }
        }

        Assert.Equal(91, expected["Account"]);
        foreach (var (sObjectType, count) in expected)
        {
            Assert.Equal(count, emulator.Records.All(sObjectType).Count);
        }
    }

    private static async Task ImportChunkAsync(
        HttpClient rest,
        string sObjectType,
        JsonNode?[] chunk,
        Dictionary<string, string> ids)
    {
        var records = new JsonArray();
        foreach (var record in chunk)
        {
            var copy = record!.DeepClone().AsObject();
            foreach (var (name, value) in copy.ToList())
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var reference) && reference.StartsWith('@'))
                {
                    copy[name] = ids[reference[1..]];
                }
            }

            records.Add(copy);
        }

        using var response = await rest.PostAsJsonAsync(
            $"composite/tree/{sObjectType}", new JsonObject { ["records"] = records }, EmulatorHost.Cancel);
        var body = await response.Content.ReadAsStringAsync(EmulatorHost.Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Import of {sObjectType} failed: {body}");

        foreach (var result in JsonNode.Parse(body)!["results"]!.AsArray())
        {
            ids[result!["referenceId"]!.GetValue<string>()] = result["id"]!.GetValue<string>();
        }
    }
}
