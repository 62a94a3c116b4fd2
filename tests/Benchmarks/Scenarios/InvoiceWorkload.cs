using System.Diagnostics;
using DaprSync.Benchmarks.Hosting;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>Invoices checked in Salesforce after a run: stored, missing and duplicated NetSuite ids.</summary>
public sealed record InvoiceCheck(int Expected, int Stored, int Missing, int Duplicates);

/// <summary>
/// The invoice workload: synced Accounts in Salesforce, modified invoices in NetSuite, a poller run as its
/// cron binding would start it, and a check of <c>Invoice__c</c> afterwards.
/// </summary>
public static class InvoiceWorkload
{
    /// <summary>Invoices billed per customer, so that N invoices spread over N / 100 Accounts.</summary>
    public const int InvoicesPerCustomer = 100;

    /// <summary>
    /// Creates the Accounts (as the integration user, already carrying their NetSuite id) and bills
    /// <paramref name="invoices"/> invoices in NetSuite. Returns the invoice ids.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        BenchmarkEnvironment environment, int invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invoices);
        var customers = (invoices + InvoicesPerCustomer - 1) / InvoicesPerCustomer;
        var netSuiteIds = Enumerable.Range(0, customers).Select(i => (70_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using (var salesforce = await IntegrationClient.SignInAsync(environment.Emulators.SalesforceRestAddress, cancellationToken))
        {
            await salesforce.CreateSyncedAccountsAsync(netSuiteIds, cancellationToken);
        }

        var billing = environment.Emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var billed = new List<string>(invoices);
        for (var i = 0; i < customers; i++)
        {
            var count = Math.Min(InvoicesPerCustomer, invoices - billed.Count);
            billed.AddRange(billing.BillInvoices(count, netSuiteIds[i], 100m + i).Select(invoice => invoice.Id));
        }

        // A run's window ends at its start, exclusive and truncated to the second: let that second pass.
        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken);
        return billed;
    }

    /// <summary>POSTs the invoice poller's binding to the orchestrator and returns the run and its wall time.</summary>
    public static async Task<(PollerRunResult Run, TimeSpan Elapsed)> RunPollerAsync(
        Uri orchestrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        using var http = new HttpClient { BaseAddress = orchestrator, Timeout = TimeSpan.FromMinutes(30) };
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri(PollerApi.InvoicePollerBinding, UriKind.Relative), null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The invoice poller run failed with {(int)response.StatusCode}: {body}");
        }

        var run = System.Text.Json.JsonSerializer.Deserialize<PollerRunResult>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        return (run, clock.Elapsed);
    }

    /// <summary>Counts the billed invoices stored in Salesforce, the missing ones and any stored twice.</summary>
    public static InvoiceCheck Check(BenchmarkEnvironment environment, IReadOnlyCollection<string> billed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(billed);
        var records = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var stored = records.All("Invoice__c").Select(invoice => invoice.GetString("NetSuite_Id__c")).ToList();
        var distinct = stored.Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        return new InvoiceCheck(
            billed.Count,
            stored.Count,
            billed.Count(id => !distinct.Contains(id)),
            stored.Count - distinct.Count);
    }
}
