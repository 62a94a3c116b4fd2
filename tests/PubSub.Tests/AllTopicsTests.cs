using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceSapi.PubSub;

namespace DaprSync.PubSub.Tests;

/// <summary>Keepalive and in-place retry, checked on each of the three topics.</summary>
public sealed class AllTopicsTests
{
    private static readonly string[] Topics =
        [AccountsEventHandler.Topic, CreateNsOrderEventHandler.Topic, PaymentEventHandler.Topic];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeepAlive_QuietTopics_StoreLatestReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync(
            keepAliveInterval: TimeSpan.FromMilliseconds(100));
        var bus = emulator.Bus();
        var before = Topics.ToDictionary(topic => topic, topic => Publish(bus, topic, 0));
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();

        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);

        foreach (var topic in Topics)
        {
            var expected = Convert.ToBase64String(before[topic].ReplayId);
            await PubSubHarness.WaitUntilAsync(
                () => state.StoredReplayId(topic) == expected, $"a keepalive on {topic}");
        }

        Assert.Empty(publisher.Messages);
        await host.StopAsync(Token);
    }

    [Theory]
    [InlineData(AccountsEventHandler.Topic)]
    [InlineData(CreateNsOrderEventHandler.Topic)]
    [InlineData(PaymentEventHandler.Topic)]
    public async Task PublishFailure_RetriesAndDeliversOnce(string topic)
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(name => bus.GetSubscriberCount(name) == 1), "three subscriptions");

        publisher.FailuresToInject = 1;
        var published = Publish(bus, topic, 1);
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId(topic) == Convert.ToBase64String(published.ReplayId), "the replay id");
        var next = Publish(bus, topic, 2);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 2, "the next event");

        Assert.Equal(1, publisher.FailedCalls);
        Assert.Equal(published.EventId, publisher.Messages[0].EventId);
        Assert.Equal(next.EventId, publisher.Messages[1].EventId);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task ReplayIdWriteFailure_RetriesWithoutRepublishing()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(name => bus.GetSubscriberCount(name) == 1), "three subscriptions");

        state.SaveFailuresToInject = 2;
        var published = Publish(bus, CreateNsOrderEventHandler.Topic, 1);
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId(CreateNsOrderEventHandler.Topic) == Convert.ToBase64String(published.ReplayId),
            "the replay id");

        Assert.Equal(0, state.SaveFailuresToInject);
        Assert.Equal(published.EventId, Assert.Single(publisher.Messages).EventId);
        await host.StopAsync(Token);
    }

    private static PublishedPlatformEvent Publish(PlatformEventBus bus, string topic, int n) => topic switch
    {
        AccountsEventHandler.Topic => bus.PublishAccountsEvent($"00100000000000{n}AAA", "UPDATE"),
        CreateNsOrderEventHandler.Topic => bus.PublishCreateNsOrder($"80100000000000{n}AAA"),
        _ => bus.PublishPaymentEvent(new PaymentEventFields($"a0300000000000{n}AAA", n, null, null, null)),
    };
}
