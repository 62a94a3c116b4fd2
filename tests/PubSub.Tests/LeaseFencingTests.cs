using DaprSync.Runtime;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceSapi.PubSub;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

/// <summary>A lease holder stalled past its lease's expiry publishes nothing once another replica takes over.</summary>
public sealed class LeaseFencingTests
{
    private static readonly string[] Topics =
        [AccountsEventHandler.Topic, CreateNsOrderEventHandler.Topic, PaymentEventHandler.Topic];

    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StalledHolder_LeaseTakenOver_PublishesNothingMore()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var clock = new FakeTimeProvider();
        var shared = new InMemoryStateStore(clock);
        var storeA = new StallingStateStore(shared);
        var publisherA = new RecordingEventPublisher();
        var publisherB = new RecordingEventPublisher();
        using var replicaA = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisherA, shared, timeProvider: clock, replicaId: "replica-a",
            stateStoreView: storeA);
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(topic => bus.GetSubscriberCount(topic) == 1), "replica-a's subscriptions");
        using var replicaB = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisherB, shared, timeProvider: clock, replicaId: "replica-b");
        var before = bus.PublishAccountsEvent("001000000000001AAA", "UPDATE");
        await PubSubHarness.WaitUntilAsync(() => publisherA.Messages.Count == 1, "replica-a's first event");

        // replica-a stalls on every lease call, as in a long GC pause, while its streams stay open.
        storeA.StallLeaseCalls();
        await PubSubHarness.AdvanceUntilAsync(
            clock,
            RenewInterval,
            () => Topics.All(topic => LeaseHolder(shared, topic) == "replica-b" && bus.GetSubscriberCount(topic) == 2),
            "replica-b to take every expired lease");
        var during = new[]
        {
            bus.PublishAccountsEvent("001000000000002AAA", "UPDATE"),
            bus.PublishCreateNsOrder("801000000000002AAA"),
            bus.PublishPaymentEvent(new PaymentEventFields("a03000000000002AAA", 2, null, null, null)),
        };
        await PubSubHarness.WaitUntilAsync(() => publisherB.Messages.Count == 3, "replica-b's events");
        await PubSubHarness.WaitUntilAsync(() => storeA.StalledCalls >= 3, "replica-a's renewals to stall");

        // replica-a's streams received the same events; give them time to reach the fence.
        await Task.Delay(200, Token);
        var writesBeforeResume = storeA.NonLeaseWrites;

        storeA.Resume();
        await PubSubHarness.WaitUntilAsync(
            () => Topics.All(topic => bus.GetSubscriberCount(topic) == 1), "replica-a's streams to close");
        var after = bus.PublishAccountsEvent("001000000000003AAA", "UPDATE");
        await PubSubHarness.WaitUntilAsync(
            () => shared.StoredReplayId() == Convert.ToBase64String(after.ReplayId), "replica-b's last replay id");
        await Task.Delay(200, Token);

        var published = Assert.Single(publisherA.Messages);
        Assert.Equal(before.EventId, published.EventId);
        Assert.Equal(writesBeforeResume, storeA.NonLeaseWrites);
        // The three topics run on separate streams, so only the set of replica-b's events is fixed.
        Assert.Equal(
            during.Select(stored => stored.EventId).Append(after.EventId).Order(StringComparer.Ordinal),
            publisherB.Messages.Select(message => message.EventId!).Order(StringComparer.Ordinal));
        Assert.All(Topics, topic => Assert.Equal("replica-b", LeaseHolder(shared, topic)));

        await replicaA.StopAsync(Token);
        await replicaB.StopAsync(Token);
    }

    private static string? LeaseHolder(InMemoryStateStore store, string topic) =>
        store.GetAsync<SubscriberLeaseState>(SubscriberLease.KeyFor(topic)).Result?.Value.ReplicaId;

    /// <summary>
    /// One replica's view of the shared store. While stalled, lease reads and writes wait until
    /// <see cref="Resume"/>; other keys pass through and their writes are counted.
    /// </summary>
    private sealed class StallingStateStore(InMemoryStateStore inner) : IStateStore
    {
        private TaskCompletionSource _resumed = Completed();
        private int _stalledCalls;
        private int _nonLeaseWrites;

        public int StalledCalls => Volatile.Read(ref _stalledCalls);

        public int NonLeaseWrites => Volatile.Read(ref _nonLeaseWrites);

        public void StallLeaseCalls() =>
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Resume() => _resumed.TrySetResult();

        public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
        {
            await StallIfLeaseAsync(key, cancellationToken);
            return await inner.GetAsync<T>(key, cancellationToken);
        }

        public async Task<string> SaveAsync<T>(
            string key, T value, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            await StallIfLeaseAsync(key, cancellationToken);
            CountWrite(key);
            return await inner.SaveAsync(key, value, timeToLive, cancellationToken);
        }

        public async Task<bool> TrySaveAsync<T>(
            string key,
            T value,
            string? etag,
            TimeSpan? timeToLive = null,
            CancellationToken cancellationToken = default)
        {
            await StallIfLeaseAsync(key, cancellationToken);
            CountWrite(key);
            return await inner.TrySaveAsync(key, value, etag, timeToLive, cancellationToken);
        }

        public async Task<bool> TryDeleteAsync(
            string key, string? etag = null, CancellationToken cancellationToken = default)
        {
            await StallIfLeaseAsync(key, cancellationToken);
            CountWrite(key);
            return await inner.TryDeleteAsync(key, etag, cancellationToken);
        }

        private static TaskCompletionSource Completed()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }

        private void CountWrite(string key)
        {
            if (!key.StartsWith("pubsub-lease:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _nonLeaseWrites);
            }
        }

        private async Task StallIfLeaseAsync(string key, CancellationToken cancellationToken)
        {
            var resumed = _resumed.Task;
            if (!key.StartsWith("pubsub-lease:", StringComparison.Ordinal) || resumed.IsCompleted)
            {
                return;
            }

            Interlocked.Increment(ref _stalledCalls);
            await resumed.WaitAsync(cancellationToken);
        }
    }
}
