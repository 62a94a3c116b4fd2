using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Claims;

public sealed class EventClaimTests
{
    private const string Key = "customer:event-claim:evt-1";
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(3);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStateStore state;

    public EventClaimTests() => state = new InMemoryStateStore(time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_HolderWorksPastTimeToLive_StaysLive()
    {
        await using var claim = await AcquireAsync();
        Assert.NotNull(claim);

        // Each second is a third of the time-to-live, so each tick renews the claim back to the full 3 s.
        for (var second = 1; second <= 4; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await WaitForTimeToLiveAsync(TimeToLive);
        }

        Assert.Null(await AcquireAsync());
    }

    [Fact]
    public async Task Claim_Disposed_DeletesKey()
    {
        var claim = await AcquireAsync();
        Assert.NotNull(claim);

        await claim.DisposeAsync();

        Assert.DoesNotContain(Key, state.Keys);
        await using var next = await AcquireAsync();
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Claim_LapsedAndTakenByOther_KeepsOtherClaim()
    {
        // The delete simulates a claim that lapsed while its holder's renewals stalled.
        // Another delivery then claims the id.
        var first = await AcquireAsync();
        Assert.NotNull(first);
        await state.TryDeleteAsync(Key, cancellationToken: Token);
        await using var second = await AcquireAsync();
        Assert.NotNull(second);

        await first.DisposeAsync();

        var stored = await state.GetAsync<EventClaimValue>(Key, Token);
        Assert.NotNull(stored);
    }

    private Task<EventClaim?> AcquireAsync() =>
        EventClaim.TryAcquireAsync(state, Key, TimeToLive, time, NullLogger.Instance, Token);

    // The renewal runs on the thread pool after the fake clock fires its timer, so the test polls for its write.
    private async Task WaitForTimeToLiveAsync(TimeSpan expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (state.TimeToLiveOf(Key) != expected)
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"The claim was not renewed within 5 s: time-to-live {state.TimeToLiveOf(Key)}.");
            await Task.Delay(10, Token);
        }
    }
}
