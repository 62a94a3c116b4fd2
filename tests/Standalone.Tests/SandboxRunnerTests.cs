using System.Text.Json;
using DaprSync.Orchestrator.Polling;
using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;

namespace DaprSync.Standalone.Tests;

public sealed class SandboxRunnerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_BuiltInSeed_SyncsEveryAccountAndWritesReport()
    {
        var report = Path.Combine(Path.GetTempPath(), $"daprsync-report-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        var options = new SandboxOptions(null, report, TimeSpan.FromSeconds(90), KeepRunning: false);

        var summary = await new SandboxRunner(options, output).RunAsync(new ConfigurationBuilder().Build(), Token);

        var customer = summary.Flows.Single(f => f.Flow == "customer");
        var invoice = summary.Flows.Single(f => f.Flow == "invoice");
        Assert.True(summary.Success, output.ToString());
        // Two invoices for each of the 9 customers, plus one for every second of the 6 synced Sales Orders.
        Assert.Equal(21, invoice.Expected);
        Assert.Equal(21, invoice.Synced);
        var order = summary.Flows.Single(f => f.Flow == "order");
        Assert.Equal(6, order.Expected);
        Assert.Equal(6, order.Synced);
        var payment = summary.Flows.Single(f => f.Flow == "payment");
        Assert.Equal(7, payment.Expected);
        Assert.Equal(7, payment.Synced);
        var refund = summary.Flows.Single(f => f.Flow == "refund");
        Assert.Equal(6, refund.Expected);
        Assert.Equal(6, refund.Synced);
        var fulfilment = summary.Flows.Single(f => f.Flow == "fulfilment");
        Assert.Equal(6, fulfilment.Expected);
        Assert.Equal(6, fulfilment.Synced);
        Assert.Equal(["invoice", "refund", "fulfilment"], summary.PollerRuns.Select(r => r.Poller).ToArray());
        Assert.All(summary.PollerRuns, run => Assert.Equal(PollerRunStatus.Completed, run.Status));
        Assert.Equal(9, customer.Expected);
        Assert.Equal(9, customer.Synced);
        Assert.Equal(0, customer.Failed);
        Assert.Contains("every expected record synced", output.ToString(), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, Token));
        var flow = json.RootElement.GetProperty("flows")[0];
        Assert.Equal("customer", flow.GetProperty("flow").GetString());
        Assert.Equal(9, flow.GetProperty("seen").GetInt32());
        Assert.Equal(9, flow.GetProperty("synced").GetInt32());
        Assert.Equal(0, flow.GetProperty("failed").GetInt32());
        File.Delete(report);
    }

    [Fact]
    public async Task Import_NorthwindPlan_SyncsAll91AccountsIn21Countries()
    {
        var plan = SharedData.NorthwindPlan();
        if (plan is null)
        {
            Assert.Skip("The Northwind data-tree plan is not beside this clone (../shared/data/northwind); it is test input only.");
        }

        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();

        var created = await new TreePlanImporter(loader).ImportAsync(TreePlan.Load(plan), null, Token);
        var outcomes = await sandbox.WaitForOutcomesAsync(o => o.Count == 91, TimeSpan.FromSeconds(120));

        Assert.Equal(91, created["Account"]);
        Assert.Equal(91, outcomes.Count(o => o.Outcome == "Synced"));
        var accounts = sandbox.SalesforceRecords.All("Account");
        Assert.All(accounts, account => Assert.False(string.IsNullOrEmpty(account.GetString("NetSuite_Id__c"))));
        var customers = sandbox.NetSuiteRecords.Customers;
        Assert.Equal(91, customers.Count);
        var countries = customers.SelectMany(c => c.Addresses).Select(a => a.CountryCode).Distinct().ToList();
        Assert.Equal(21, countries.Count);
        Assert.Contains("GB", countries);
        Assert.Contains("US", countries);
    }

    [Fact]
    public void Parse_UnknownOption_ReturnsError()
    {
        var options = SandboxOptions.Parse(["--imprt", "plan.json"], out var error);

        Assert.Null(options);
        Assert.Equal("Unknown option '--imprt'.", error);
    }

    [Fact]
    public void Parse_OptionAsValue_ReportsMissingPlan()
    {
        var options = SandboxOptions.Parse(["--import", "--report", "x.json"], out var error);

        Assert.Null(options);
        Assert.Equal("--import needs a plan file.", error);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("{\"sobject\": \"Account\"}", "must be a JSON array of steps")]
    [InlineData("[{\"sobject\": \"Account\", \"files\": [\"missing.json\"]}]", "missing.json was not found")]
    [InlineData("[{\"files\": [\"a.json\"]}]", "'sobject' is missing")]
    public void Parse_InvalidPlan_ReturnsErrorNamingProblem(string planJson, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("daprsync-plan-");
        var plan = Path.Combine(folder.FullName, "plan.json");
        File.WriteAllText(plan, planJson);

        var options = SandboxOptions.Parse(["--import", plan], out var error);

        Assert.Null(options);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Parse_RecordFileOver200_ReturnsError()
    {
        var folder = Directory.CreateTempSubdirectory("daprsync-plan-");
        var records = string.Join(",", Enumerable.Range(1, 201).Select(i =>
            $"{{\"attributes\":{{\"type\":\"Account\",\"referenceId\":\"A{i}\"}},\"Name\":\"A{i}\"}}"));
        File.WriteAllText(Path.Combine(folder.FullName, "Account.json"), $"{{\"records\":[{records}]}}");
        var plan = Path.Combine(folder.FullName, "plan.json");
        File.WriteAllText(plan, "[{\"sobject\": \"Account\", \"files\": [\"Account.json\"]}]");

        var options = SandboxOptions.Parse(["--import", plan], out var error);

        Assert.Null(options);
        Assert.Contains("has 201 records; composite/tree accepts at most 200", error, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Parse_MissingPlanFile_ReturnsErrorNamingFile()
    {
        var options = SandboxOptions.Parse(["--import", "no-such-plan.json"], out var error);

        Assert.Null(options);
        Assert.Equal("Plan file 'no-such-plan.json' was not found.", error);
    }

    [Fact]
    public void Parse_PlanIsFolder_ReturnsErrorNamingFolder()
    {
        var folder = Directory.CreateTempSubdirectory("daprsync-plan-folder-");

        var options = SandboxOptions.Parse(["--import", folder.FullName], out var error);

        Assert.Null(options);
        Assert.Equal($"--import {folder.FullName} is a folder; give the plan file, such as "
            + $"{Path.Combine(folder.FullName, "plan.json")}.", error);
        folder.Delete();
    }
}

/// <summary>Locates test input kept outside the repository, beside the clone.</summary>
internal static class SharedData
{
    public static string? NorthwindPlan()
    {
        var plan = TestSupport.SharedDirectory.PathOf("data", "northwind", "sfdx", "northwind-plan.json");
        return File.Exists(plan) ? plan : null;
    }
}
