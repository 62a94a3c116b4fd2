using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceSapi.PubSub;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

/// <summary>Two sf-sapi replicas on one state store, against one emulator, on a fake clock.</summary>
public sealed class ReplicaTests
{
    private static readonly string[] Topics =
        [AccountsEventHandler.Topic, CreateNsOrderEventHandler.Topic, PaymentEventHandler.Topic];

    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_OneConsumerPerTopic()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var clock = new FakeTimeProvider();
        var state = new InMemoryStateStore(clock);
        var publisher = new RecordingEventPublisher();
        using var first = await StartReplicaAsync(emulator, publisher, state, clock, "replica-a");
        using var second = await StartReplicaAsync(emulator, publisher, state, clock, "replica-b");
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(topic => bus.GetSubscriberCount(topic) == 1), "one subscription per topic");

        // Several renew intervals pass: the holder keeps each lease and the other replica keeps waiting.
        for (var round = 1; round <= 4; round++)
        {
            clock.Advance(RenewInterval);
            PublishOneOfEach(bus, round);
            await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 3 * round, $"round {round}");
            Assert.All(Topics, topic => Assert.Equal(1, bus.GetSubscriberCount(topic)));
        }

        await Task.Delay(200, Token);
        Assert.Equal(12, publisher.Messages.Count);
        Assert.Equal(12, publisher.Messages.Select(message => message.EventId).Distinct().Count());
        foreach (var topic in Topics)
        {
            var lease = await state.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic), Token);
            Assert.NotNull(lease);
            Assert.Contains(lease.Value.ReplicaId, new[] { "replica-a", "replica-b" });
        }

        await first.StopAsync(Token);
        await second.StopAsync(Token);
    }

    [Fact]
    public async Task HolderStops_OtherTakesOverWithoutGaps()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var clock = new FakeTimeProvider();
        var state = new InMemoryStateStore(clock);
        var publisher = new RecordingEventPublisher();
        var holder = await StartReplicaAsync(emulator, publisher, state, clock, "replica-a");
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(topic => bus.GetSubscriberCount(topic) == 1), "replica-a's subscriptions");
        using var standby = await StartReplicaAsync(emulator, publisher, state, clock, "replica-b");
        PublishOneOfEach(bus, 1);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 3, "the events before the stop");

        await holder.StopAsync(Token);
        holder.Dispose();
        foreach (var topic in Topics)
        {
            Assert.Null(await state.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic), Token));
        }

        PublishOneOfEach(bus, 2);
        await PubSubHarness.AdvanceUntilAsync(
            clock, RenewInterval, () => publisher.Messages.Count >= 6, "replica-b to take over");
        PublishOneOfEach(bus, 3);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count >= 9, "the events after the handover");
        await Task.Delay(200, Token);

        AssertEachEventOnceInOrder(bus, publisher);
        foreach (var topic in Topics)
        {
            var lease = await state.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic), Token);
            Assert.Equal("replica-b", lease?.Value.ReplicaId);
            Assert.Equal(1, bus.GetSubscriberCount(topic));
        }

        await standby.StopAsync(Token);
    }

    [Fact]
    public async Task DeadHolder_LeaseExpires_ResumesFromReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var clock = new FakeTimeProvider();
        var state = new InMemoryStateStore(clock);
        var publisher = new RecordingEventPublisher();

        // A replica that handled one event of each topic and then died without releasing its leases.
        var handled = new Dictionary<string, PublishedPlatformEvent>();
        PublishOneOfEach(bus, 0);
        foreach (var topic in Topics)
        {
            handled[topic] = bus.GetPublished(topic)[^1];
            await state.SaveAsync(ReplayIdStore.KeyFor(topic), Convert.ToBase64String(handled[topic].ReplayId),
                cancellationToken: Token);
            var deadLease = new SubscriberLease(state, topic, "replica-dead", TimeSpan.FromSeconds(30), clock);
            Assert.True(await deadLease.TryAcquireAsync(Token));
        }

        PublishOneOfEach(bus, 1);
        using var survivor = await StartReplicaAsync(emulator, publisher, state, clock, "replica-b");
        await Task.Delay(200, Token);
        Assert.Empty(publisher.Messages);
        Assert.All(Topics, topic => Assert.Equal(0, bus.GetSubscriberCount(topic)));

        await PubSubHarness.AdvanceUntilAsync(
            clock, RenewInterval, () => publisher.Messages.Count >= 3, "the leases to expire and replica-b to resume");
        await Task.Delay(200, Token);

        Assert.Equal(3, publisher.Messages.Count);
        foreach (var topic in Topics)
        {
            Assert.DoesNotContain(publisher.Messages, message => message.EventId == handled[topic].EventId);
            Assert.Contains(publisher.Messages, message => message.EventId == bus.GetPublished(topic)[^1].EventId);
        }

        await survivor.StopAsync(Token);
    }

    [Fact]
    public async Task RenewalStoreFailure_HolderKeepsLease()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var clock = new FakeTimeProvider();
        var state = new InMemoryStateStore(clock);
        var publisher = new RecordingEventPublisher();
        using var holder = await StartReplicaAsync(emulator, publisher, state, clock, "replica-a");
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(topic => bus.GetSubscriberCount(topic) == 1), "replica-a's subscriptions");

        // One failed renewal per topic: 20 s of the 30 s lease remain, so replica-a goes on consuming.
        state.TrySaveFailuresToInject = 3;
        clock.Advance(RenewInterval);
        await PubSubHarness.WaitUntilAsync(() => state.TrySaveFailuresToInject == 0, "the failed renewals");
        clock.Advance(RenewInterval);
        PublishOneOfEach(bus, 1);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 3, "the events after the failure");

        foreach (var topic in Topics)
        {
            var renewedUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(30);
            await PubSubHarness.WaitUntilAsync(
                () => state.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic)).Result?.Value.ExpiresAt
                    == renewedUntil,
                $"the next renewal on {topic}");
            var lease = await state.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic), Token);
            Assert.Equal("replica-a", lease?.Value.ReplicaId);
            Assert.Equal(1, bus.GetSubscriberCount(topic));
        }

        await holder.StopAsync(Token);
    }

    private static Task<Microsoft.Extensions.Hosting.IHost> StartReplicaAsync(
        DaprSync.TestSupport.LoopbackApp emulator,
        RecordingEventPublisher publisher,
        InMemoryStateStore state,
        FakeTimeProvider clock,
        string replicaId) =>
        PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state, timeProvider: clock, replicaId: replicaId);

    private static void PublishOneOfEach(PlatformEventBus bus, int n)
    {
        bus.PublishAccountsEvent($"00100000000000{n}AAA", "UPDATE");
        bus.PublishCreateNsOrder($"80100000000000{n}AAA");
        bus.PublishPaymentEvent(new PaymentEventFields($"a0300000000000{n}AAA", n, null, null, null));
    }

    private static void AssertEachEventOnceInOrder(PlatformEventBus bus, RecordingEventPublisher publisher)
    {
        var all = Topics.SelectMany(topic => bus.GetPublished(topic)).ToList();
        Assert.Equal(all.Count, publisher.Messages.Count);
        foreach (var topic in Topics)
        {
            var expected = bus.GetPublished(topic).Select(stored => stored.EventId).ToList();
            var seen = publisher.Messages
                .Select(message => message.EventId ?? "(none)")
                .Where(expected.Contains)
                .ToList();
            Assert.Equal(expected, seen);
        }
    }
}
