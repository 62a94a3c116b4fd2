using System.Globalization;
using System.Net.Http.Json;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceSapi.PubSub;
using DaprSync.SalesforceSapi.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

/// <summary>The catch-up sweep after an expired replay id, the on-demand sweep and the go-live backfill.</summary>
public sealed class SweepTests
{
    private static readonly DateTimeOffset Start =
        DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredReplayId_SweepPublishesMissedChanges()
    {
        var clock = new FakeTimeProvider(Start);
        await using var stack = await SweepHarness.StartEmulatorAsync(clock);
        var bus = stack.Emulator.Bus();

        // Before the last event sf-sapi bridged: records that were already synced.
        var synced = stack.Create("Account", new() { ["Name"] = "Alfreds", ["NetSuite_Id__c"] = "C-0" });
        var echoed = stack.Create("Account", new() { ["Name"] = "Berglunds", ["NetSuite_Id__c"] = "C-3" });
        clock.Advance(TimeSpan.FromMinutes(10));

        // The last events bridged on each topic, and the integration user's writeback of the Order.
        var changed = stack.Create("Account", new() { ["Name"] = "Chop-suey", ["NetSuite_Id__c"] = "C-1" });
        var lastAccountEvent = bus.GetPublished(AccountsEventHandler.Topic)[^1];
        var syncedOrder = CreateOrder(stack, synced, "Activated");
        var lastOrderEvent = bus.GetPublished(CreateNsOrderEventHandler.Topic)[^1];
        stack.Update("Order", syncedOrder, new() { ["NetSuite_Order_Id__c"] = "SO-1" }, byIntegrationUser: true);
        await StoreHandledAsync(stack, lastAccountEvent);
        await StoreHandledAsync(stack, lastOrderEvent);

        // While sf-sapi is away: the changes the sweep must find, and the ones it must skip.
        clock.Advance(TimeSpan.FromHours(1));
        stack.Update("Account", changed, new() { ["Phone"] = "030-0074321" });
        var created = stack.Create("Account", new() { ["Name"] = "Du monde entier" });
        stack.Update("Account", echoed, new() { ["Sync_Status__c"] = "Synced" }, byIntegrationUser: true);
        var queued = CreateOrder(stack, created, "Activated");
        CreateOrder(stack, created, "Draft");

        // Past the 72 hours of retention, so both stored replay ids are expired.
        clock.Advance(TimeSpan.FromHours(73));
        Assert.Empty(bus.GetPublished(AccountsEventHandler.Topic));

        await stack.StartSapiAsync(subscribe: true);
        await PubSubHarness.WaitUntilAsync(() => Problems(stack).Count == 2, "the two REPLAY_ID_INVALID problems");
        await PubSubHarness.AdvanceUntilAsync(
            clock,
            TimeSpan.FromSeconds(1),
            () => SweepEvents(stack).Count >= 3 && NoGapStored(stack),
            "the keepalives that start the sweeps, and the sweeps to finish");
        await Task.Delay(200, Token);

        Assert.All(Problems(stack), problem => Assert.Equal("REPLAY_ID_INVALID", problem.Code));
        var accounts = SweepEvents(stack).Where(message => message.Topic == Topics.AccountChanged).ToList();
        Assert.Equal(
            [stack.SweepEventId("Account", changed), stack.SweepEventId("Account", created)],
            accounts.Select(message => message.EventId));
        var changedEvent = Assert.IsType<AccountChangedEvent>(accounts[0].Data);
        Assert.Equal(changed, changedEvent.AccountId);
        Assert.Equal("UPDATE", changedEvent.ChangeType);
        Assert.Equal("CREATE", Assert.IsType<AccountChangedEvent>(accounts[1].Data).ChangeType);
        var orders = SweepEvents(stack).Where(message => message.Topic == Topics.OrderQueued).ToList();
        var order = Assert.Single(orders);
        Assert.Equal(stack.SweepEventId("Order", queued), order.EventId);
        Assert.Equal(queued, Assert.IsType<OrderQueuedEvent>(order.Data).OrderId);
        Assert.Equal(3, SweepEvents(stack).Count);

        // A second sweep on demand, from the same last event, publishes the same event ids.
        var firstIds = SweepEvents(stack).Select(message => message.EventId).ToList();
        using var http = new HttpClient { BaseAddress = stack.Sapi!.BaseAddress };
        using var response = await http.PostAsJsonAsync(
            "sweeps", new SweepRequest(["Account", "Order"], Since: null), Token);
        response.EnsureSuccessStatusCode();
        var counts = await response.Content.ReadFromJsonAsync<SweepResponse>(Token);

        Assert.Equal([2, 1], counts!.Objects.Select(result => result.Published));
        Assert.Equal(lastAccountEvent.PublishedAt - TimeSpan.FromMinutes(5), counts.Objects[0].Since);
        // The two topics' sweeps after the expired replay ids ran side by side, so only the set of ids is fixed.
        Assert.Equal(
            firstIds.Order(StringComparer.Ordinal),
            SweepEvents(stack).Skip(3).Select(message => message.EventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Backfill_PublishesAllAccountsThenUnsyncedOrders()
    {
        var clock = new FakeTimeProvider(Start);
        await using var stack = await SweepHarness.StartEmulatorAsync(clock);
        var accounts = Enumerable.Range(0, 250)
            .Select(i => stack.Create("Account", new()
            {
                ["Name"] = $"Customer {i}",
                ["NetSuite_Id__c"] = i % 5 == 0 ? null : $"C-{i}",
            }, byIntegrationUser: i % 2 == 0))
            .ToList();
        var unsynced = CreateOrder(stack, accounts[0], "Activated");
        var synced = CreateOrder(stack, accounts[1], "Activated");
        stack.Update("Order", synced, new() { ["NetSuite_Order_Id__c"] = "SO-1" }, byIntegrationUser: true);
        CreateOrder(stack, accounts[2], "Draft");
        await stack.StartSapiAsync(subscribe: false, queryBatchSize: 200);
        var usage = stack.Emulator.Services.GetRequiredService<ApiUsage>();

        using var http = new HttpClient { BaseAddress = stack.Sapi!.BaseAddress };
        using var response = await http.PostAsync("sweeps/backfill", content: null, Token);
        response.EnsureSuccessStatusCode();
        var counts = await response.Content.ReadFromJsonAsync<SweepResponse>(Token);

        Assert.Equal(["Account", "Order"], counts!.Objects.Select(result => result.SObjectType));
        Assert.Equal([250, 1], counts.Objects.Select(result => result.Published));
        Assert.Equal(1, usage.Count(ApiEndpoints.QueryMore));
        var published = stack.Publisher.Messages;
        Assert.Equal(251, published.Count);
        Assert.Equal(
            accounts.Order(StringComparer.Ordinal),
            published.Take(250).Select(message => Assert.IsType<AccountChangedEvent>(message.Data).AccountId)
                .Order(StringComparer.Ordinal));
        Assert.All(published.Take(250), message => Assert.Equal(Topics.AccountChanged, message.Topic));
        var seventh = published.Take(250)
            .Single(message => ((AccountChangedEvent)message.Data!).AccountId == accounts[7]);
        Assert.Equal(stack.SweepEventId("Account", accounts[7]), seventh.EventId);
        Assert.Equal(Topics.OrderQueued, published[250].Topic);
        Assert.Equal(unsynced, Assert.IsType<OrderQueuedEvent>(published[250].Data).OrderId);
    }

    [Fact]
    public async Task Sweep_UnknownObject_Returns400()
    {
        var clock = new FakeTimeProvider(Start);
        await using var stack = await SweepHarness.StartEmulatorAsync(clock);
        await stack.StartSapiAsync(subscribe: false);

        using var http = new HttpClient { BaseAddress = stack.Sapi!.BaseAddress };
        using var response = await http.PostAsJsonAsync("sweeps", new SweepRequest(["Payment__c"], null), Token);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Payment__c", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty(stack.Publisher.Messages);
    }

    private static string CreateOrder(SweepHarness stack, string accountId, string status) =>
        stack.Create("Order", new()
        {
            ["AccountId"] = accountId,
            ["EffectiveDate"] = new DateOnly(2026, 12, 1),
            ["Status"] = status,
        });

    private static async Task StoreHandledAsync(SweepHarness stack, PublishedPlatformEvent handled)
    {
        var replayIds = new ReplayIdStore(stack.State);
        await replayIds.SaveAsync(handled.TopicName, handled.ReplayId, Token);
        await replayIds.SaveLastEventDateAsync(handled.TopicName, handled.PublishedAt, Token);
    }

    private static List<SyncProblemEvent> Problems(SweepHarness stack) =>
        stack.Publisher.Messages.Select(message => message.Data).OfType<SyncProblemEvent>().ToList();

    private static List<PublishedMessage> SweepEvents(SweepHarness stack) =>
        stack.Publisher.Messages
            .Where(message => message.EventId?.StartsWith("sweep:", StringComparison.Ordinal) == true)
            .ToList();

    private static bool NoGapStored(SweepHarness stack) =>
        new[] { AccountsEventHandler.Topic, CreateNsOrderEventHandler.Topic }
            .All(topic => stack.State.GetAsync<ReplayGap>($"sweep-pending:{topic}").Result is null);
}
