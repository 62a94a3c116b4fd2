using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.SalesforceEmulator.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DaprSync.PubSub.Tests;

public sealed class SubscriberTests
{
    private const string AccountsTopic = "/event/AccountsEvent__e";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscriber_AccountsEvent_PublishesThenStoresReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => emulator.Bus().GetSubscriberCount(AccountsTopic) == 1, "the subscription");

        var published = emulator.Bus().PublishAccountsEvent("001000000000001AAA", "CREATE");
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId() == Convert.ToBase64String(published.ReplayId), "the stored replay id");

        var message = Assert.Single(publisher.Messages);
        Assert.Equal(Topics.AccountChanged, message.Topic);
        Assert.Equal(published.EventId, message.EventId);
        var evt = Assert.IsType<AccountChangedEvent>(message.Data);
        Assert.Equal(published.EventId, evt.EventId);
        Assert.Equal("001000000000001AAA", evt.AccountId);
        Assert.Equal("CREATE", evt.ChangeType);
        Assert.Equal(published.PublishedAt.ToUnixTimeMilliseconds(), evt.CreatedDate.ToUnixTimeMilliseconds());
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Subscriber_Restart_ResumesWithoutLossOrRepeat()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();

        using (var first = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state, batchSize: 2))
        {
            await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(AccountsTopic) == 1, "the first subscription");
            for (var i = 0; i < 3; i++)
            {
                bus.PublishAccountsEvent($"00100000000000{i}AAA", "UPDATE");
            }

            await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 3, "three events before the restart");
            await first.StopAsync(Token);
        }

        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(AccountsTopic) == 0, "the first subscription to end");
        for (var i = 3; i < 6; i++)
        {
            bus.PublishAccountsEvent($"00100000000000{i}AAA", "UPDATE");
        }

        using var second = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state, batchSize: 2);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count >= 6, "six events after the restart");
        await Task.Delay(200, Token);

        var expected = bus.GetPublished(AccountsTopic).Select(stored => stored.EventId).ToList();
        Assert.Equal(expected, publisher.Messages.Select(message => message.EventId ?? "(none)").ToList());
        Assert.Equal(Convert.ToBase64String(bus.GetPublished(AccountsTopic)[^1].ReplayId), state.StoredReplayId());
        await second.StopAsync(Token);
    }

    [Fact]
    public async Task Subscriber_InvalidReplayId_ResubscribesAtLatest()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var before = bus.PublishAccountsEvent("001000000000001AAA", "CREATE");
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        await state.SaveAsync(
            DaprSync.SalesforceSapi.PubSub.ReplayIdStore.KeyFor(AccountsTopic),
            Convert.ToBase64String([0, 0, 0, 0, 0, 0, 0x7F, 0x7F]),
            cancellationToken: Token);

        using var host = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(AccountsTopic) == 1, "the LATEST subscription");
        var after = bus.PublishAccountsEvent("001000000000002AAA", "UPDATE");
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 2, "the problem and the new event");

        var problem = Assert.IsType<SyncProblemEvent>(publisher.Messages[0].Data);
        Assert.Equal(Topics.SyncProblem, publisher.Messages[0].Topic);
        Assert.Equal("REPLAY_ID_INVALID", problem.Code);
        Assert.Contains("missed", problem.Message, StringComparison.Ordinal);
        Assert.Equal(after.EventId, publisher.Messages[1].EventId);
        Assert.DoesNotContain(publisher.Messages, message => message.EventId == before.EventId);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Subscriber_PublishFails_KeepsReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(AccountsTopic) == 1, "the subscription");
        var first = bus.PublishAccountsEvent("001000000000001AAA", "CREATE");
        await PubSubHarness.WaitUntilAsync(() => state.StoredReplayId() is not null, "the first replay id");

        publisher.FailuresToInject = 2;
        var second = bus.PublishAccountsEvent("001000000000002AAA", "UPDATE");
        await PubSubHarness.WaitUntilAsync(() => publisher.FailedCalls >= 1, "the failed publish");

        Assert.Equal(Convert.ToBase64String(first.ReplayId), state.StoredReplayId());
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 2, "the retried publish");
        Assert.Equal(2, publisher.FailedCalls);
        Assert.Equal(second.EventId, publisher.Messages[1].EventId);
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId() == Convert.ToBase64String(second.ReplayId), "the second replay id");
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Subscriber_MalformedEvent_ReportsProblemAndMovesOn()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(AccountsTopic) == 1, "the subscription");

        var malformed = bus.Publish(PlatformEventSchemas.AccountsEvent, new Dictionary<string, object?>
        {
            ["Change_Type__c"] = "UPDATE",
        });
        var valid = bus.PublishAccountsEvent("001000000000002AAA", "UPDATE");
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 2, "the problem and the valid event");

        var problem = Assert.IsType<SyncProblemEvent>(publisher.Messages[0].Data);
        Assert.Equal("MALFORMED_PLATFORM_EVENT", problem.Code);
        Assert.Equal(malformed.EventId, problem.RecordId);
        Assert.Equal(valid.EventId, publisher.Messages[1].EventId);
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId() == Convert.ToBase64String(valid.ReplayId), "the valid event's replay id");
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Subscriber_RejectedToken_ReauthenticatesOnce()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var session = new FakeSalesforceSession(firstToken: "expired-token");
        var publisher = new RecordingEventPublisher();
        using var host = await PubSubHarness.StartSubscriberAsync(emulator, session, publisher, new InMemoryStateStore());

        await PubSubHarness.WaitUntilAsync(() => emulator.Bus().GetSubscriberCount(AccountsTopic) == 1, "the subscription");
        var published = emulator.Bus().PublishAccountsEvent("001000000000001AAA", "CREATE");
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 1, "the event");

        Assert.Equal(1, session.RefreshCount);
        Assert.Equal(published.EventId, publisher.Messages[0].EventId);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Registration_EnabledWithoutEndpoint_FailsNamingKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Salesforce:PubSub:Enabled"] = "true";
        builder.Services.AddSingleton<DaprSync.SalesforceSapi.Auth.ISalesforceSession>(new FakeSalesforceSession());
        builder.Services.AddSingleton<DaprSync.Runtime.IEventPublisher>(new RecordingEventPublisher());
        builder.Services.AddSingleton<DaprSync.Runtime.IStateStore>(new InMemoryStateStore());
        DaprSync.SalesforceSapi.PubSub.PubSubRegistration.AddPlatformEventSubscribers(builder);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => host.StartAsync(Token));

        Assert.Contains("Salesforce:PubSub:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
