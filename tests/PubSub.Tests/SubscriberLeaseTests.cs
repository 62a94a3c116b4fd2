using DaprSync.SalesforceSapi.PubSub;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.PubSub.Tests;

public sealed class SubscriberLeaseTests
{
    private const string Topic = "/event/Create_NS_Order__e";
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_FreeLease_StoresReplicaAndExpiry()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryStateStore(clock);
        var lease = new SubscriberLease(store, Topic, "replica-a", TimeToLive, clock);

        Assert.True(await lease.TryAcquireAsync(Token));

        var stored = await store.GetAsync<SubscriberLeaseState>("pubsub-lease:" + Topic, Token);
        Assert.NotNull(stored);
        Assert.Equal("replica-a", stored.Value.ReplicaId);
        Assert.Equal(clock.GetUtcNow() + TimeToLive, stored.Value.ExpiresAt);
        Assert.Equal(stored.Value.ExpiresAt, lease.ExpiresAt);
    }

    [Fact]
    public async Task Acquire_HeldByOther_FailsUntilExpiry()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryStateStore(clock);
        var holder = new SubscriberLease(store, Topic, "replica-a", TimeToLive, clock);
        var other = new SubscriberLease(store, Topic, "replica-b", TimeToLive, clock);
        Assert.True(await holder.TryAcquireAsync(Token));

        Assert.False(await other.TryAcquireAsync(Token));
        clock.Advance(TimeToLive - TimeSpan.FromMilliseconds(1));
        Assert.False(await other.TryAcquireAsync(Token));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await other.TryAcquireAsync(Token));

        Assert.False(await holder.TryRenewAsync(Token));
        Assert.Null(holder.ExpiresAt);
    }

    [Fact]
    public async Task Renew_BeforeExpiry_KeepsOtherOut()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryStateStore(clock);
        var holder = new SubscriberLease(store, Topic, "replica-a", TimeToLive, clock);
        var other = new SubscriberLease(store, Topic, "replica-b", TimeToLive, clock);
        Assert.True(await holder.TryAcquireAsync(Token));

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeToLive / 3);
            Assert.True(await holder.TryRenewAsync(Token));
            Assert.False(await other.TryAcquireAsync(Token));
        }

        Assert.Equal(clock.GetUtcNow() + TimeToLive, holder.ExpiresAt);
    }

    [Fact]
    public async Task Release_HeldLease_LetsOtherAcquireAtOnce()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryStateStore(clock);
        var holder = new SubscriberLease(store, Topic, "replica-a", TimeToLive, clock);
        var other = new SubscriberLease(store, Topic, "replica-b", TimeToLive, clock);
        Assert.True(await holder.TryAcquireAsync(Token));

        await holder.ReleaseAsync(Token);

        Assert.True(await other.TryAcquireAsync(Token));
        await holder.ReleaseAsync(Token);
        Assert.True(await other.TryRenewAsync(Token));
    }

    [Fact]
    public async Task Acquire_RacingReplicas_OnlyOneWins()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryStateStore(clock);
        var leases = Enumerable.Range(0, 8)
            .Select(i => new SubscriberLease(store, Topic, $"replica-{i}", TimeToLive, clock))
            .ToList();

        var results = await Task.WhenAll(leases.Select(lease => Task.Run(() => lease.TryAcquireAsync(Token), Token)));

        Assert.Equal(1, results.Count(won => won));
    }
}
