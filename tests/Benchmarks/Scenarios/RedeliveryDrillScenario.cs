using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Reporting;
using DaprSync.Benchmarks.Scenarios.Drills;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.Runtime.InProcess;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios;

/// <summary>
/// The <c>redelivery</c> scenario: the CI redelivery drill at large N. Every Account event of N Accounts and every
/// order event of N Orders is published three times with the same CloudEvent id, as an at-least-once broker may
/// deliver it after a lost acknowledgement. Each Account must get exactly one NetSuite Customer and its writeback,
/// and each Order exactly one Sales Order and a complete writeback.
/// </summary>
public static class RedeliveryDrillScenario
{
    public const int Deliveries = 3;

    private sealed record Part(
        int Records, long Published, InProcessBus.BusStatistics Bus, int SyncedOnce, int Duplicated, int Lost,
        int WrittenBack, bool Idle, TimeSpan Elapsed);

    public static async Task<ScenarioOutcome> RunAsync(
        BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var n = options.Records ?? 1_000;

        progress.WriteLine($"redelivery: {n} Account events, each published {Deliveries} times");
        var accounts = await RunAccountsAsync(n, cancellationToken);
        progress.WriteLine($"  {accounts.SyncedOnce} synced once, {accounts.Duplicated} duplicated, {accounts.Lost} lost, {accounts.Elapsed.TotalSeconds:0.0} s");
        progress.WriteLine($"redelivery: {n} order events, each published {Deliveries} times");
        var orders = await RunOrdersAsync(n, cancellationToken);
        progress.WriteLine($"  {orders.SyncedOnce} synced once, {orders.Duplicated} duplicated, {orders.Lost} lost, {orders.Elapsed.TotalSeconds:0.0} s");

        var figures = new List<Figure>();
        figures.AddRange(PartFigures("accounts", accounts, "one NetSuite Customer and the NetSuite_Id__c writeback"));
        figures.AddRange(PartFigures("orders", orders, "one Sales Order and a complete writeback"));

        var failures = new List<string>();
        CheckPart("accounts", accounts, failures);
        CheckPart("orders", orders, failures);
        var settings = new Dictionary<string, string>
        {
            ["host"] = "the three apps on the in-process runtime in the benchmark process, a fresh SQLite file per part",
            ["latency"] = "none",
            ["deliveries"] = $"{Deliveries} publishes of each event with the same CloudEvent id, all started at once so the copies race",
            ["accounts"] = $"{n}, created as the integration user without NetSuite_Id__c, so their creation publishes no event",
            ["orders"] = $"{n} Draft Orders of 1 to 5 lines; the events are published directly, not by activation",
        };
        var notes = new List<string>
        {
            "Deliveries are the bus's delivered rows: every copy is delivered to the subscriber, and the apps must "
            + "recognise the repeated event id.",
        };
        notes.AddRange(failures.Select(failure => "check failed: " + failure));
        var report = new BenchmarkReport("redelivery", startedAt, MachineInfo.Current(), settings, figures, notes);
        return new ScenarioOutcome(report, failures);
    }

    private static async Task<Part> RunAccountsAsync(int count, CancellationToken cancellationToken)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        var host = await environment.StartHostAsync(null, cancellationToken);
        var accountIds = await CreateUnsyncedAccountsAsync(environment, count, cancellationToken);

        var clock = Stopwatch.StartNew();
        var publisher = host.Runtime.PublisherFor(AppIds.SalesforceSapi);
        var now = DateTimeOffset.UtcNow;
        var publishes = accountIds.SelectMany(accountId =>
        {
            var change = new AccountChangedEvent(Guid.NewGuid().ToString(), accountId, "CREATE", now);
            return Enumerable.Range(0, Deliveries).Select(_ =>
                publisher.PublishAsync(Topics.AccountChanged, change, change.EventId, cancellationToken));
        });
        await Task.WhenAll(publishes);
        var idle = await host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(Math.Max(60, count * 0.3)), cancellationToken);
        var elapsed = clock.Elapsed;

        var customers = environment.Emulators.NetSuite.Services.GetRequiredService<NetSuiteRecords>().Customers;
        var perAccount = customers.GroupBy(customer => customer.ExternalId ?? "", StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var salesforce = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var writtenBack = accountIds.Where(id => salesforce.Get("Account", id)?.GetString("NetSuite_Id__c") is not null)
            .ToHashSet(StringComparer.Ordinal);
        var bus = await host.Runtime.Bus.GetStatisticsAsync(cancellationToken);
        return new Part(
            count,
            (long)count * Deliveries,
            bus,
            accountIds.Count(id => perAccount.GetValueOrDefault(id) == 1 && writtenBack.Contains(id)),
            accountIds.Count(id => perAccount.GetValueOrDefault(id) > 1),
            accountIds.Count(id => perAccount.GetValueOrDefault(id) == 0),
            writtenBack.Count,
            idle,
            elapsed);
    }

    private static async Task<Part> RunOrdersAsync(int count, CancellationToken cancellationToken)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        var host = await environment.StartHostAsync(null, cancellationToken);
        var orderIds = await OrderWorkload.SeedAsync(environment, count, cancellationToken);

        var clock = Stopwatch.StartNew();
        var publisher = host.Runtime.PublisherFor(AppIds.SalesforceSapi);
        var now = DateTimeOffset.UtcNow;
        var publishes = orderIds.SelectMany(orderId =>
        {
            var queued = new OrderQueuedEvent(Guid.NewGuid().ToString(), orderId, now);
            return Enumerable.Range(0, Deliveries).Select(_ =>
                publisher.PublishAsync(Topics.OrderQueued, queued, queued.EventId, cancellationToken));
        });
        await Task.WhenAll(publishes);
        var timeout = TimeSpan.FromSeconds(Math.Max(60, count * 0.3));
        await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, timeout, cancellationToken);
        var idle = await host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var elapsed = clock.Elapsed;

        var check = OrderWorkload.Check(environment, orderIds);
        var bus = await host.Runtime.Bus.GetStatisticsAsync(cancellationToken);
        return new Part(
            count,
            (long)count * Deliveries,
            bus,
            DrillChecks.SyncedOnce(environment, orderIds),
            check.Duplicates,
            check.Missing,
            check.WrittenBack,
            idle,
            elapsed);
    }

    private static IEnumerable<Figure> PartFigures(string name, Part part, string synced) =>
    [
        new($"{name}", part.Records, "records"),
        new($"{name}: events published", part.Published, "events", $"{Deliveries} per record, one CloudEvent id per record"),
        new($"{name}: deliveries", part.Bus.Delivered, "deliveries", "delivered by the bus to the subscriber"),
        new($"{name}: deliveries dead-lettered or failed", part.Bus.DeadLettered + part.Bus.Failed, "deliveries"),
        new($"{name}: synced once", part.SyncedOnce, "records", synced),
        new($"{name}: duplicated", part.Duplicated, "records", "records with more than one NetSuite record"),
        new($"{name}: lost", part.Lost, "records", "records with no NetSuite record"),
        new($"{name}: written back", part.WrittenBack, "records"),
        new($"{name}: wall time", Math.Round(part.Elapsed.TotalSeconds, 1), "s", "first publish to the bus idle"),
    ];

    private static void CheckPart(string name, Part part, List<string> failures)
    {
        if (part.SyncedOnce != part.Records || part.Duplicated > 0 || part.Lost > 0)
        {
            failures.Add($"{name}: {part.SyncedOnce} of {part.Records} synced once, {part.Duplicated} duplicated, "
                + $"{part.Lost} lost, {part.WrittenBack} written back");
        }

        if (!part.Idle)
        {
            failures.Add($"{name}: the bus still had events waiting or in flight at the end of the wait");
        }
    }

    /// <summary>Creates Accounts as the integration user, 200 per request, whose writes publish no event.</summary>
    private static async Task<IReadOnlyList<string>> CreateUnsyncedAccountsAsync(
        BenchmarkEnvironment environment, int count, CancellationToken cancellationToken)
    {
        using var salesforce = await IntegrationClient.SignInAsync(environment.Emulators.SalesforceRestAddress, cancellationToken);
        var ids = new List<string>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(200))
        {
            var records = new JsonArray();
            foreach (var i in chunk)
            {
                records.Add(new JsonObject
                {
                    ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = $"a{i}" },
                    ["Name"] = $"Redelivery Foods {i.ToString(CultureInfo.InvariantCulture)}",
                    ["BillingCountry"] = "Germany",
                });
            }

            var created = await salesforce.CreateTreeAsync("Account", records, cancellationToken);
            ids.AddRange(chunk.Select(i => created[$"a{i}"]));
        }

        return ids;
    }
}
