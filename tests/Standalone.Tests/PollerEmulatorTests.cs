using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using DaprSync.SalesforceEmulator.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// The invoice and refund pollers over both emulators on the in-process runtime: paging and batching at volume,
/// and voids and deletions reaching Salesforce as statuses. The cron bindings are replaced by one that no app
/// handles, so only the tests' own POSTs run the pollers.
/// </summary>
public sealed class PollerEmulatorTests
{
    private const string SuiteQlEndpoint = "POST /services/rest/query/v1/suiteql";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvoicePoller_1234Invoices_25PagesAnd7Upserts()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron(new() { ["Pollers:invoice:PageSize"] = "50" }));
        var customerId = await SyncCustomerAsync(sandbox, "Volume Foods");
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        billing.BillInvoices(1234, customerId, 10m);
        await PassSecondAsync();
        var suiteQlBefore = SuiteQlCalls(sandbox);
        var upsertsBefore = CollectionsUpserts(sandbox);

        var first = await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);
        var suiteQlFirst = SuiteQlCalls(sandbox) - suiteQlBefore;
        var upsertsFirst = CollectionsUpserts(sandbox) - upsertsBefore;
        var second = await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"first run {first.Duration.TotalSeconds:0.0} s, second run {second.Duration.TotalSeconds:0.0} s");

        Assert.Equal(PollerRunStatus.Completed, first.Status);
        Assert.Equal(25, first.Pages);
        Assert.Equal(1, first.DeletionPages);
        Assert.Equal(7, first.UpsertCalls);
        Assert.Equal(1234, first.Upserted);

        // 25 pages of invoices and one of the deleted-record list, each one SuiteQL query.
        Assert.Equal(26, suiteQlFirst);
        Assert.Equal(7, upsertsFirst);
        Assert.Equal(1234, sandbox.SalesforceRecords.All("Invoice__c").Count);

        // The second run reads the same invoices again inside its overlap and skips them all.
        Assert.Equal(PollerRunStatus.Completed, second.Status);
        Assert.Equal(0, second.Upserted);
        Assert.Equal(1234, second.SkippedAsProcessed);
        Assert.Equal(7, CollectionsUpserts(sandbox) - upsertsBefore);
    }

    [Fact]
    public async Task InvoicePoller_VoidedAndDeleted_ShowAsStatuses()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Void Test Foods");
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var ledger = sandbox.Emulators.NetSuite.Services.GetRequiredService<TransactionLedger>();
        var invoices = billing.BillInvoices(3, customerId, 80m);
        await PassSecondAsync();
        var first = await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);

        billing.Void(invoices[0].Id);
        Assert.NotNull(ledger.Delete(invoices[1].Id));
        await PassSecondAsync();
        var second = await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);

        Assert.Equal(3, first.Upserted);
        Assert.Equal(1, second.DeletionsRead);
        Assert.Equal(2, second.Upserted);
        Assert.Equal(0, second.Failed);
        Assert.Equal("Voided", StatusOf(sandbox, "Invoice__c", invoices[0].Id));
        Assert.Equal("Deleted", StatusOf(sandbox, "Invoice__c", invoices[1].Id));
        Assert.Equal("Open", StatusOf(sandbox, "Invoice__c", invoices[2].Id));
    }

    [Fact]
    public async Task RefundPoller_DeletedCustomerRefund_ShowsDeleted()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Refund Delete Foods");
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var ledger = sandbox.Emulators.NetSuite.Services.GetRequiredService<TransactionLedger>();
        var issued = billing.IssueRefund(customerId, 30m, "Late delivery", cashRefund: true);
        await PassSecondAsync();
        await RunPollerAsync(sandbox, PollerApi.RefundPollerBinding);

        var refund = issued.Single(t => t.Type == TransactionTypes.CustomerRefund);
        Assert.NotNull(ledger.Delete(refund.Id));
        await PassSecondAsync();
        var run = await RunPollerAsync(sandbox, PollerApi.RefundPollerBinding);

        Assert.Equal(1, run.DeletionsRead);
        Assert.Equal(1, run.Upserted);
        Assert.Equal("Deleted", StatusOf(sandbox, "Refund__c", refund.Id));
    }

    /// <summary>Adds a cron binding that no app handles, so the default schedules stay off during the test.</summary>
    internal static Dictionary<string, string?> WithoutCron(Dictionary<string, string?> settings)
    {
        settings["Runtime:CronBindings:0:Name"] = "no-such-binding";
        settings["Runtime:CronBindings:0:Schedule"] = "0 0 0 1 1 *";
        settings["Runtime:CronBindings:0:AppId"] = AppIds.Orchestrator;
        return settings;
    }

    /// <summary>Creates an Account in Salesforce and returns the NetSuite id of the customer the flow made of it.</summary>
    internal static async Task<string> SyncCustomerAsync(SandboxFixture sandbox, string name)
    {
        using var loader = await sandbox.SignInAsLoaderAsync();
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "ref1" },
            ["Name"] = name,
            ["BillingCountry"] = "USA",
        };
        var accountId = (await loader.CreateTreeAsync("Account", [record], Token))["ref1"];
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);
        var customerId = sandbox.SalesforceRecords.Get("Account", accountId)?.GetString("NetSuite_Id__c");
        Assert.False(string.IsNullOrEmpty(customerId), $"Account {accountId} was not synced to a NetSuite customer");
        return customerId;
    }

    // The read window ends at the run's start, exclusive and truncated to the second, so records from the
    // current second wait for the next run.
    internal static Task PassSecondAsync() => Task.Delay(TimeSpan.FromMilliseconds(1100), Token);

    internal static async Task<PollerRunResult> RunPollerAsync(SandboxFixture sandbox, string binding)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Host.App(AppIds.Orchestrator).BaseAddress };
        using var response = await http.PostAsync(new Uri(binding, UriKind.Relative), null, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PollerRunResult>(Token))!;
    }

    private static string? StatusOf(SandboxFixture sandbox, string sObjectType, string netSuiteId) =>
        sandbox.SalesforceRecords.All(sObjectType)
            .Single(r => r.GetString("NetSuite_Id__c") == netSuiteId)
            .GetString("Status__c");

    private static long SuiteQlCalls(SandboxFixture sandbox) =>
        sandbox.Emulators.NetSuite.Services.GetRequiredService<NetSuiteCallCounter>().Get(SuiteQlEndpoint);

    private static long CollectionsUpserts(SandboxFixture sandbox) =>
        sandbox.Emulators.Salesforce.Services.GetRequiredService<ApiUsage>().Count(ApiEndpoints.CollectionsUpsert);
}
