using DaprSync.Benchmarks.Hosting;
using DaprSync.Benchmarks.Scenarios;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Drills.Tests;

/// <summary>
/// Every Account event is delivered three times by the bus, as an at-least-once broker may do after a lost
/// acknowledgement: each Account must still get exactly one NetSuite Customer and one writeback.
/// </summary>
public sealed class RedeliveryDrillTests
{
    private const int Accounts = 20;
    private const int Deliveries = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountEvents_DeliveredThrice_OneCustomerEach()
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), Token);
        var host = await environment.StartHostAsync(null, Token);
        var accountIds = await CreateUnsyncedAccountsAsync(environment);

        // The same CloudEvent id each time, as a redelivery carries; the copies go out at once so they race.
        var publisher = host.Runtime.PublisherFor(AppIds.SalesforceSapi);
        var now = DateTimeOffset.UtcNow;
        var publishes = accountIds.SelectMany(accountId =>
        {
            var change = new AccountChangedEvent(Guid.NewGuid().ToString(), accountId, "CREATE", now);
            return Enumerable.Range(0, Deliveries).Select(_ =>
                publisher.PublishAsync(Topics.AccountChanged, change, change.EventId, Token));
        });
        await Task.WhenAll(publishes);
        var idle = await host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(15), Token);

        var customers = environment.Emulators.NetSuite.Services.GetRequiredService<NetSuiteRecords>().Customers;
        var salesforce = environment.Emulators.Salesforce.Services.GetRequiredService<SalesforceRecords>();
        var customersPerAccount = accountIds.ToDictionary(id => id, id => customers.Count(c => c.ExternalId == id));
        var writtenBack = accountIds.Count(id => salesforce.Get("Account", id)?.GetString("NetSuite_Id__c") is not null);
        var bus = await host.Runtime.Bus.GetStatisticsAsync(Token);
        DrillReport.Write(
            "redelivery drill: Account events",
            ("accounts", Accounts),
            ("events published", Accounts * Deliveries),
            ("deliveries", bus.Delivered),
            ("customers created", customers.Count),
            ("accounts with duplicate customers", customersPerAccount.Count(pair => pair.Value > 1)),
            ("accounts lost (no customer)", customersPerAccount.Count(pair => pair.Value == 0)),
            ("accounts written back", writtenBack));

        Assert.True(idle, "The bus did not deliver every event within 15 s.");
        Assert.Equal(Accounts * Deliveries, bus.Delivered);
        Assert.All(customersPerAccount, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(Accounts, customers.Count);
        Assert.Equal(Accounts, writtenBack);
    }

    [Fact]
    public async Task OrderEvents_DeliveredThrice_OneSalesOrderEach()
    {
        const int orders = 20;
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?>(), Token);
        var host = await environment.StartHostAsync(null, Token);
        var orderIds = await OrderWorkload.SeedAsync(environment, orders, Token);

        var publisher = host.Runtime.PublisherFor(AppIds.SalesforceSapi);
        var now = DateTimeOffset.UtcNow;
        var publishes = orderIds.SelectMany(orderId =>
        {
            var queued = new OrderQueuedEvent(Guid.NewGuid().ToString(), orderId, now);
            return Enumerable.Range(0, Deliveries).Select(_ =>
                publisher.PublishAsync(Topics.OrderQueued, queued, queued.EventId, Token));
        });
        await Task.WhenAll(publishes);
        var writebacks = await OrderWorkload.WaitForWritebacksAsync(environment, orderIds, TimeSpan.FromSeconds(20), Token);
        var idle = await host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token);

        var check = OrderWorkload.Check(environment, orderIds);
        var bus = await host.Runtime.Bus.GetStatisticsAsync(Token);
        DrillReport.Write(
            "redelivery drill: order events",
            ("orders", orders),
            ("events published", orders * Deliveries),
            ("deliveries", bus.Delivered),
            ("Sales Orders created", check.SalesOrders),
            ("duplicate Sales Orders", check.Duplicates),
            ("orders lost (no Sales Order)", check.Missing),
            ("orders written back", check.WrittenBack));

        Assert.True(idle, "The bus did not deliver every event within the wait.");
        Assert.Equal(orders, writebacks.Count);
        Assert.Equal(0, check.Duplicates);
        Assert.Equal(0, check.Missing);
        Assert.Equal(orders, check.SalesOrders);
        Assert.Equal(orders, check.WrittenBack);
    }

    /// <summary>Creates Accounts as the integration user, whose writes publish no event of their own.</summary>
    private static async Task<IReadOnlyList<string>> CreateUnsyncedAccountsAsync(BenchmarkEnvironment environment)
    {
        using var salesforce = await IntegrationClient.SignInAsync(environment.Emulators.SalesforceRestAddress, Token);
        var records = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < Accounts; i++)
        {
            records.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["attributes"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Account", ["referenceId"] = $"a{i}" },
                ["Name"] = $"Redelivery Foods {i}",
                ["BillingCountry"] = "Germany",
            });
        }

        var ids = await salesforce.CreateTreeAsync("Account", records, Token);
        return ids.Values.ToList();
    }
}
