using System.Diagnostics;
using DaprSync.Contracts;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Polling;
using System.Net.Http.Json;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// The sandbox run: both emulators and the three apps in this process, a day of work loaded into the
/// Salesforce emulator as a user would make it, and a wait until every change has reached NetSuite.
/// </summary>
public sealed partial class SandboxRunner(SandboxOptions options, TextWriter output)
{
    private const string CustomerFlow = "customer";
    private const string AccountEventTopic = "/event/AccountsEvent__e";

    private readonly Stopwatch _clock = new();
    private TimeSpan _deadline;

    // A fresh admin token per sandbox run, printed with the status page address, so the admin API works
    // in the sandbox without a configured Admin:ApiToken.
    private readonly string _adminToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The folder of this run's SQLite file, set once the run has started.</summary>
    public string? DataDirectory { get; private set; }

    /// <summary>Runs the sandbox, prints its summary, writes the report when asked, and returns the summary.</summary>
    public async Task<SandboxSummary> RunAsync(IConfiguration baseConfiguration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseConfiguration);
        var startedAt = DateTimeOffset.UtcNow;
        _clock.Start();

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"daprsync-sandbox-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        DataDirectory = dataDirectory;
        Progress($"data directory {dataDirectory}");

        await using var emulators = await SandboxEmulators.StartAsync(baseConfiguration, cancellationToken);
        Progress($"Salesforce emulator on {emulators.SalesforceRestAddress} (Pub/Sub API on {emulators.SalesforcePubSubAddress})");
        Progress($"NetSuite emulator on {emulators.NetSuite.BaseAddress}");

        var appConfiguration = new ConfigurationBuilder()
            .AddConfiguration(baseConfiguration)
            .AddInMemoryCollection(emulators.AppSettings())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:Mode"] = "InProcess" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:ApiToken"] = _adminToken })

            // The sandbox runs each poller itself; a cron tick during the run would take its records first.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:Cron:Enabled"] = "false" })
            .Build();
        await using var host = await StandaloneHost.StartAsync(
            appConfiguration,
            Path.Combine(dataDirectory, "daprsync.db"),
            loggerFactory: new Serilog.Extensions.Logging.SerilogLoggerFactory(),
            cancellationToken: cancellationToken);
        foreach (var app in host.Apps)
        {
            Progress($"{app.Name} on {app.BaseAddress}");
        }

        var events = emulators.Salesforce.Services.GetRequiredService<PlatformEventBus>();
        await WaitUntilAsync(() => events.GetSubscriberCount(AccountEventTopic) > 0, TimeSpan.FromSeconds(30), cancellationToken);

        var records = emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var outcomes = host.App(AppIds.Orchestrator).Services.GetRequiredService<SyncOutcomeStore>();
        using var loader = await SalesforceLoader.SignInAsync(emulators.SalesforceRestAddress, cancellationToken);
        var importer = new TreePlanImporter(loader);

        var plan = options.Plan ?? (options.ImportPlan is null ? BuiltInSeed.Plan() : TreePlan.Load(options.ImportPlan));
        Progress(options.ImportPlan is null ? "loading the built-in seed" : $"importing {options.ImportPlan}");
        var created = await importer.ImportAsync(plan, Progress, cancellationToken);
        Progress($"created {string.Join(", ", created.Select(pair => $"{pair.Value} {pair.Key}"))}");

        // Orders reference products by SKU, so NetSuite gets an item for every Product2.ProductCode.
        var items = emulators.NetSuite.Services.GetRequiredService<ItemCatalog>();
        foreach (var product in records.All("Product2").Where(p => !string.IsNullOrWhiteSpace(p.GetString("ProductCode"))))
        {
            items.Add(product.GetString("ProductCode")!, product.GetString("Name"));
        }

        if (items.All.Count > 0)
        {
            Progress($"created {items.All.Count} NetSuite items from the products' SKUs");
        }

        // One deadline for the whole wait, the initial sync and the edits together.
        _deadline = _clock.Elapsed + options.SettleTimeout;
        var expected = records.All("Account").Count;
        var settled = await WaitForCustomersAsync(outcomes, expected, minimumAttempts: null, cancellationToken);
        var editsSettled = true;
        if (options.ImportPlan is null)
        {
            editsSettled = settled && await ApplyEditsAsync(loader, importer, outcomes, expected, cancellationToken);
        }

        var remaining = _deadline - _clock.Elapsed;
        var idle = await host.Runtime.Bus.WaitForIdleAsync(
            remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken);

        // Settled means every record has an outcome and the bus has nothing left to deliver.
        settled = idle && editsSettled && (await outcomes.ListAsync(CustomerFlow, cancellationToken)).Count >= expected;
        var orderFlow = await QueueOrdersAsync(loader, records, emulators, outcomes, cancellationToken);
        var billedOrders = await BillOrdersAsync(emulators, outcomes, cancellationToken);
        var (invoiceFlow, invoiceRun) = await BillAndPollInvoicesAsync(host, emulators, outcomes, billedOrders, cancellationToken);
        var paymentFlow = await RecordPaymentsAsync(loader, records, outcomes, cancellationToken);
        var (refundFlow, refundRun) = await RefundAndPollAsync(host, emulators, outcomes, cancellationToken);
        var (fulfilmentFlow, fulfilmentRun) = await FulfilAndPollAsync(host, emulators, outcomes, cancellationToken);
        var summary = await SummarizeAsync(host, emulators, outcomes, expected, settled, startedAt, cancellationToken);
        summary = summary with
        {
            Flows = [.. summary.Flows, orderFlow, invoiceFlow, paymentFlow, refundFlow, fulfilmentFlow],
            PollerRuns = [invoiceRun, refundRun, fulfilmentRun],
        };
        summary.Print(output);
        if (options.ReportPath is not null)
        {
            await File.WriteAllTextAsync(options.ReportPath, summary.ToJson(), cancellationToken);
            Progress($"report written to {Path.GetFullPath(options.ReportPath)}");
        }

        if (options.KeepRunning)
        {
            var orchestrator = host.App(AppIds.Orchestrator).BaseAddress;
            Progress($"status page {new Uri(orchestrator, "status")} (admin token {_adminToken})");
            Progress("host is running; press Ctrl+C to stop");
            await WaitForCancelAsync(cancellationToken);
        }

        return summary;
    }

    private async Task<bool> ApplyEditsAsync(
        SalesforceLoader loader,
        TreePlanImporter importer,
        SyncOutcomeStore outcomes,
        int expected,
        CancellationToken cancellationToken)
    {
        var edits = BuiltInSeed.Edits();
        var edited = new List<string>();
        foreach (var (referenceId, fields) in edits)
        {
            var id = importer.IdOf(referenceId);
            await loader.UpdateAsync("Account", id, fields, cancellationToken);
            edited.Add(id);
        }

        Progress($"edited {edited.Count} accounts as the sales team would");
        return await WaitForCustomersAsync(outcomes, expected, (edited, 2), cancellationToken);
    }

    /// <summary>
    /// Waits until the customer flow has an outcome for every expected Account and, when given, until
    /// the listed Accounts have been processed at least that many times.
    /// </summary>
    private async Task<bool> WaitForCustomersAsync(
        SyncOutcomeStore outcomes,
        int expected,
        (IReadOnlyList<string> Ids, int Attempts)? minimumAttempts,
        CancellationToken cancellationToken)
    {
        var lastReport = "";
        while (_clock.Elapsed < _deadline)
        {
            var current = await outcomes.ListAsync(CustomerFlow, cancellationToken);
            var synced = current.Count(o => o.Outcome == SyncOutcomes.Synced);
            var failed = current.Count(o => o.Outcome == SyncOutcomes.Failed);
            var report = $"customers: {synced}/{expected} synced, {failed} failed";
            if (report != lastReport)
            {
                Progress(report);
                lastReport = report;
            }

            var editsDone = minimumAttempts is not { } minimum || minimum.Ids.All(id =>
                current.Any(o => o.RecordId == id && o.Attempts >= minimum.Attempts));
            if (synced + failed >= expected && editsDone)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        Progress($"the sync did not settle within {options.SettleTimeout.TotalSeconds:0} s");
        return false;
    }

    /// <summary>
    /// Bills two invoices in NetSuite for every synced customer, as accounting would after shipping,
    /// and runs the invoice poller once, as its cron binding would at the next quarter hour.
    /// <paramref name="billedOrders"/> counts the invoices already billed from Sales Orders.
    /// </summary>
    private async Task<(FlowSummary Flow, PollerRunResult Run)> BillAndPollInvoicesAsync(
        StandaloneHost host,
        SandboxEmulators emulators,
        SyncOutcomeStore outcomes,
        int billedOrders,
        CancellationToken cancellationToken)
    {
        var billing = emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var customers = (await outcomes.ListAsync(CustomerFlow, cancellationToken))
            .Where(o => o.Outcome == SyncOutcomes.Synced && o.NetSuiteId is not null)
            .ToList();
        var billed = billedOrders + customers.Sum(customer => billing.BillInvoices(2, customer.NetSuiteId!, 250m).Count);
        Progress($"NetSuite billed {billed} invoices for the {customers.Count} synced customers");
        var run = await RunPollerAsync(host, PollerApi.InvoicePollerBinding, cancellationToken);
        return (new FlowSummary("invoice", billed, run.Read, run.Upserted, run.Failed, []), run);
    }

    /// <summary>
    /// Issues a cash refund (a credit memo and the customer refund paying it) for every third synced
    /// customer, and runs the refund poller once, as its binding would 7 minutes after the invoice poller.
    /// </summary>
    private async Task<(FlowSummary Flow, PollerRunResult Run)> RefundAndPollAsync(
        StandaloneHost host, SandboxEmulators emulators, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        var billing = emulators.NetSuite.Services.GetRequiredService<BillingSimulation>();
        var customers = (await outcomes.ListAsync(CustomerFlow, cancellationToken))
            .Where(o => o.Outcome == SyncOutcomes.Synced && o.NetSuiteId is not null)
            .Where((_, index) => index % 3 == 0)
            .ToList();
        var issued = customers.Sum(customer =>
            billing.IssueRefund(customer.NetSuiteId!, 25m, "Damaged on delivery", cashRefund: true).Count);
        Progress($"NetSuite issued {issued} credit memos and refunds for {customers.Count} customers");

        var run = await RunPollerAsync(host, PollerApi.RefundPollerBinding, cancellationToken);
        return (new FlowSummary("refund", issued, run.Read, run.Upserted, run.Failed, []), run);
    }

    private async Task<PollerRunResult> RunPollerAsync(StandaloneHost host, string binding, CancellationToken cancellationToken)
    {
        // A poller's window ends at its start, exclusive and to the second, so the new records must be older.
        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken);
        using var http = new HttpClient { BaseAddress = host.App(AppIds.Orchestrator).BaseAddress };
        using var response = await http.PostAsync(new Uri(binding, UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var run = (await response.Content.ReadFromJsonAsync<PollerRunResult>(cancellationToken))!;
        Progress($"{run.Poller} poller run {run.RunId}: {run.Pages} pages, {run.Upserted} upserted, {run.Failed} failed");
        return run;
    }

    private async Task<SandboxSummary> SummarizeAsync(
        StandaloneHost host,
        SandboxEmulators emulators,
        SyncOutcomeStore outcomes,
        int expected,
        bool settled,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        var customerOutcomes = await outcomes.ListAsync(CustomerFlow, cancellationToken);
        var failures = customerOutcomes
            .Where(o => o.Outcome == SyncOutcomes.Failed)
            .Select(o => new FlowFailure(o.RecordId, o.ErrorCode, o.Field, o.Message))
            .ToList();
        var customer = new FlowSummary(
            CustomerFlow,
            expected,
            customerOutcomes.Count,
            customerOutcomes.Count(o => o.Outcome == SyncOutcomes.Synced),
            failures.Count,
            failures);

        var salesforceCalls = emulators.Salesforce.Services.GetRequiredService<ApiUsage>().Snapshot();
        var netSuiteCalls = emulators.NetSuite.Services.GetRequiredService<NetSuiteCallCounter>().Snapshot();
        var bus = await host.Runtime.Bus.GetStatisticsAsync(cancellationToken);
        return new SandboxSummary(
            options.ImportPlan ?? "built-in seed",
            startedAt,
            Math.Round(_clock.Elapsed.TotalSeconds, 1),
            settled,
            [customer],
            [
                new ApiCallSummary("Salesforce", salesforceCalls.Values.Sum(), salesforceCalls),
                new ApiCallSummary("NetSuite", netSuiteCalls.Values.Sum(), netSuiteCalls),
            ],
            bus.Delivered,
            bus.Retries,
            bus.DeadLettered);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The sandbox did not become ready within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static async Task WaitForCancelAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the run normally.
        }
    }

    private void Progress(string message) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
}
