using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// Flow F3 end to end: invoices billed in the NetSuite emulator, the orchestrator's invoice-poller
/// binding endpoint, SuiteQL through ns-sapi, sObject Collections upsert through sf-sapi, and
/// <c>Invoice__c</c> records in the Salesforce emulator linked to their Account.
/// </summary>
public sealed class InvoicePollerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvoicePoller_BilledInvoices_ReachSalesforceOnce()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateAccountAsync(loader, "Invoice Test Foods");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);
        var customerId = sandbox.SalesforceRecords.Get("Account", accountId)!.GetString("NetSuite_Id__c")!;
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var invoices = billing.BillInvoices(3, customerId, 125.50m);
        await PassSecondAsync();

        var first = await RunPollerAsync(sandbox);
        var second = await RunPollerAsync(sandbox);

        Assert.Equal(PollerRunStatus.Completed, first.Status);
        Assert.Equal(3, first.Upserted);
        Assert.Equal(1, first.UpsertCalls);
        Assert.Equal(0, second.Upserted);
        var stored = sandbox.SalesforceRecords.All("Invoice__c");
        Assert.Equal(3, stored.Count);
        Assert.All(stored, invoice => Assert.Equal(accountId, invoice.GetString("Account__c")));
        Assert.Equal(
            invoices.Select(i => i.Id).Order().ToArray(),
            stored.Select(i => i.GetString("NetSuite_Id__c")).Order().ToArray());
    }

    [Fact]
    public async Task InvoicePoller_UnknownCustomer_FailsOnlyThoseInvoices()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateAccountAsync(loader, "Known Customer Ltd");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);
        var customerId = sandbox.SalesforceRecords.Get("Account", accountId)!.GetString("NetSuite_Id__c")!;
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        billing.BillInvoices(2, customerId, 10m);

        // A customer created in NetSuite directly has no Account in Salesforce to link to.
        billing.BillInvoices(3, "999999", 10m);
        await PassSecondAsync();

        var run = await RunPollerAsync(sandbox);

        Assert.Equal(2, run.Upserted);
        Assert.Equal(3, run.Failed);
        Assert.Equal(2, sandbox.SalesforceRecords.All("Invoice__c").Count);
    }

    [Fact]
    public async Task RefundPoller_CashRefund_CreditMemoAndRefundReachSalesforce()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateAccountAsync(loader, "Refund Test Foods");
        await sandbox.WaitForOutcomesAsync(o => o.Count == 1);
        var customerId = sandbox.SalesforceRecords.Get("Account", accountId)!.GetString("NetSuite_Id__c")!;
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var issued = billing.IssueRefund(customerId, 40m, "Damaged pallet", cashRefund: true);
        await PassSecondAsync();

        var run = await RunPollerAsync(sandbox, "refund-poller");

        Assert.Equal(PollerRunStatus.Completed, run.Status);
        Assert.Equal(2, run.Upserted);
        var stored = sandbox.SalesforceRecords.All("Refund__c");
        Assert.Equal(issued.Select(t => t.Id).Order().ToArray(), stored.Select(r => r.GetString("NetSuite_Id__c")).Order().ToArray());
        Assert.All(stored, refund => Assert.Equal(accountId, refund.GetString("Account__c")));
    }

    // The read window ends at the run's start, exclusive and truncated to the second. Records from the
    // same second wait for the next run, so the tests let that second pass.
    private static Task PassSecondAsync() => Task.Delay(TimeSpan.FromMilliseconds(1100), Token);

    private static async Task<PollerRunResult> RunPollerAsync(SandboxFixture sandbox, string binding = "invoice-poller")
    {
        using var http = new HttpClient { BaseAddress = sandbox.Host.App(AppIds.Orchestrator).BaseAddress };
        using var response = await http.PostAsync(new Uri(binding, UriKind.Relative), null, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PollerRunResult>(Token))!;
    }

    private static async Task<string> CreateAccountAsync(Sandbox.SalesforceLoader loader, string name)
    {
        var record = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = "ref1" },
            ["Name"] = name,
            ["BillingCountry"] = "USA",
        };
        return (await loader.CreateTreeAsync("Account", [record], Token))["ref1"];
    }
}
