using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.Standalone.Tests.PollerEmulatorTests;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// Deletions of NetSuite transactions that Salesforce never had, over both emulators on the in-process runtime:
/// they are skipped, so no bare <c>Invoice__c</c> or <c>Refund__c</c> appears, while a deletion of a synced record
/// in the same batch still shows as <c>Deleted</c>.
/// </summary>
public sealed class PollerDeletionEmulatorTests
{
    [Fact]
    public async Task InvoicePoller_DeletedBeforeSync_CreatesNothing()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Never Synced Foods");
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var ledger = sandbox.Emulators.NetSuite.Services.GetRequiredService<TransactionLedger>();
        var synced = billing.BillInvoices(1, customerId, 50m).Single();
        await PassSecondAsync();
        await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);

        var neverSynced = billing.BillInvoices(1, customerId, 70m).Single();
        Assert.NotNull(ledger.Delete(neverSynced.Id));
        Assert.NotNull(ledger.Delete(synced.Id));
        var added = billing.BillInvoices(1, customerId, 90m).Single();
        await PassSecondAsync();
        var run = await RunPollerAsync(sandbox, PollerApi.InvoicePollerBinding);

        Assert.Equal(PollerRunStatus.Completed, run.Status);
        Assert.Equal(2, run.DeletionsRead);
        Assert.Equal(0, run.Failed);
        Assert.Equal("Deleted", StatusOf(sandbox, "Invoice__c", synced.Id));
        Assert.Equal("Open", StatusOf(sandbox, "Invoice__c", added.Id));
        Assert.Empty(RecordsWith(sandbox, "Invoice__c", neverSynced.Id));
        Assert.Equal(2, sandbox.SalesforceRecords.All("Invoice__c").Count);
    }

    [Fact]
    public async Task RefundPoller_DeletedBeforeSync_CreatesNothing()
    {
        await using var sandbox = await SandboxFixture.StartAsync(WithoutCron([]));
        var customerId = await SyncCustomerAsync(sandbox, "Never Refunded Foods");
        var billing = sandbox.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var ledger = sandbox.Emulators.NetSuite.Services.GetRequiredService<TransactionLedger>();
        var issued = billing.IssueRefund(customerId, 30m, "Damaged crate", cashRefund: true);
        foreach (var transaction in issued)
        {
            Assert.NotNull(ledger.Delete(transaction.Id));
        }

        await PassSecondAsync();
        var run = await RunPollerAsync(sandbox, PollerApi.RefundPollerBinding);

        Assert.Equal(PollerRunStatus.Completed, run.Status);
        Assert.Equal(issued.Count, run.DeletionsRead);
        Assert.Equal(0, run.Failed);
        Assert.Empty(sandbox.SalesforceRecords.All("Refund__c"));
    }

    private static string? StatusOf(SandboxFixture sandbox, string sObjectType, string netSuiteId) =>
        Assert.Single(RecordsWith(sandbox, sObjectType, netSuiteId)).GetString("Status__c");

    private static List<SalesforceRecord> RecordsWith(
        SandboxFixture sandbox, string sObjectType, string netSuiteId) =>
        [.. sandbox.SalesforceRecords.All(sObjectType).Where(r => r.GetString("NetSuite_Id__c") == netSuiteId)];
}
