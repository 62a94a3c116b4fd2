using DaprSync.SalesforceEmulator.Limits;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests.Command;

public sealed class PlanCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("daprsync-plan-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Parse_UnknownReferences_ListsEveryOneBeforeImport()
    {
        var plan = WritePlan(
            ("Account", true, false, "accounts.json", """{"records":[{"attributes":{"type":"Account","referenceId":"AccountRef1"},"Name":"Alfreds"}]}"""),
            ("Order", false, true, "orders.json", """
                {"records":[
                  {"attributes":{"type":"Order","referenceId":"OrderRef1"},"AccountId":"@AccountRef1"},
                  {"attributes":{"type":"Order","referenceId":"OrderRef2"},"AccountId":"@AccountRef7",
                   "Pricebook2Id":"@PricebookEntryRef999"}]}
                """));

        var options = SandboxOptions.Parse(["--import", plan], out var error);

        Assert.Null(options);
        Assert.NotNull(error);
        Assert.StartsWith("Plan is invalid: ", error, StringComparison.Ordinal);
        Assert.Contains("2 references", error, StringComparison.Ordinal);
        Assert.Contains(
            "step 1 (Order), orders.json, record OrderRef2: field AccountId refers to '@AccountRef7'", error,
            StringComparison.Ordinal);
        Assert.Contains("field Pricebook2Id refers to '@PricebookEntryRef999'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("@AccountRef1'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReferenceSavedByEarlierFile_IsValid()
    {
        var plan = WritePlan(
            ("Account", true, false, "accounts.json", """{"records":[{"attributes":{"type":"Account","referenceId":"AccountRef1"},"Name":"Alfreds"}]}"""),
            ("Contact", false, true, "contacts.json", """{"records":[{"attributes":{"type":"Contact","referenceId":"ContactRef1"},"AccountId":"@AccountRef1"}]}"""));

        var options = SandboxOptions.Parse(["--import", plan], out var error);

        Assert.Null(error);
        Assert.NotNull(options?.Plan);
    }

    [Fact]
    public async Task Import_UnknownReference_PostsNothing()
    {
        await using var emulators = await SandboxEmulators.StartAsync(new ConfigurationBuilder().Build(), Token);
        using var loader = await SalesforceLoader.SignInAsync(emulators.SalesforceRestAddress, Token);
        var accounts = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"attributes":{"type":"Account","referenceId":"AccountRef1"},"Name":"Alfreds"}]""")!.AsArray();
        var orders = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"attributes":{"type":"Order","referenceId":"OrderRef1"},"AccountId":"@AccountRef2"}]""")!.AsArray();
        var plan = new TreePlan([
            new TreePlanStep("Account", SaveRefs: true, ResolveRefs: false, [accounts]),
            new TreePlanStep("Order", SaveRefs: false, ResolveRefs: true, [orders]),
        ]);

        var exception = await Assert.ThrowsAsync<InvalidPlanException>(
            () => new TreePlanImporter(loader).ImportAsync(plan, null, Token));

        Assert.Contains("field AccountId refers to '@AccountRef2'", exception.Message, StringComparison.Ordinal);
        var calls = emulators.Salesforce.Services.GetRequiredService<ApiUsage>().Snapshot();
        Assert.Equal(0, calls.GetValueOrDefault(ApiEndpoints.CompositeTree));
    }

    [Fact]
    public async Task Import_UnknownSObject_NamesStepAndType()
    {
        await using var emulators = await SandboxEmulators.StartAsync(new ConfigurationBuilder().Build(), Token);
        using var loader = await SalesforceLoader.SignInAsync(emulators.SalesforceRestAddress, Token);
        var records = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"attributes":{"type":"Acount","referenceId":"AccountRef1"},"Name":"Alfreds"}]""")!.AsArray();
        var plan = new TreePlan([new TreePlanStep("Acount", SaveRefs: true, ResolveRefs: false, [records])]);

        var exception = await Assert.ThrowsAsync<InvalidPlanException>(
            () => new TreePlanImporter(loader).ImportAsync(plan, null, Token));

        Assert.StartsWith("step 0 (Acount): the org has no sObject type 'Acount'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("NOT_FOUND", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportFolder_IsRejected()
    {
        var options = SandboxOptions.Parse(["--report", _folder], out var error);

        Assert.Null(options);
        Assert.Equal(
            $"--report {_folder} is a folder; give a file path such as {Path.Combine(_folder, "report.json")}.", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WritePlan(params (string SObject, bool SaveRefs, bool ResolveRefs, string File, string Records)[] steps)
    {
        foreach (var step in steps)
        {
            File.WriteAllText(Path.Combine(_folder, step.File), step.Records);
        }

        var plan = new System.Text.Json.Nodes.JsonArray([.. steps.Select(step => new System.Text.Json.Nodes.JsonObject
        {
            ["sobject"] = step.SObject,
            ["saveRefs"] = step.SaveRefs,
            ["resolveRefs"] = step.ResolveRefs,
            ["files"] = new System.Text.Json.Nodes.JsonArray(step.File),
        })]);
        var path = Path.Combine(_folder, "plan.json");
        File.WriteAllText(path, plan.ToJsonString());
        return path;
    }
}
