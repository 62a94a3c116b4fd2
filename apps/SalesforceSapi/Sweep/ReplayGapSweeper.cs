using DaprSync.Runtime;
using DaprSync.SalesforceSapi.PubSub;

namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>
/// The sweep after an expired replay id. The gap is stored under <c>sweep-pending:{topic}</c>, so that
/// whichever replica holds the topic's lease next runs it, even after a restart.
/// </summary>
internal sealed class ReplayGapSweeper(
    CatchUpSweep sweep,
    ReplayIdStore replayIds,
    IStateStore stateStore,
    TimeProvider timeProvider,
    ILogger<CatchUpSweep> logger) : IReplayGapSweeper
{
    public static string KeyFor(string topicName) => $"sweep-pending:{topicName}";

    public async Task MarkGapAsync(string topicName, CancellationToken cancellationToken)
    {
        var target = SweepTarget.ForTopic(topicName);
        if (target is null)
        {
            // NOTE: no sweep reads Payment__c, so payments missed on an expired replay id are only reported.
            SweepLog.NoSweepForTopic(logger, topicName);
            return;
        }

        var lastEvent = await replayIds.GetLastEventDateAsync(topicName, cancellationToken);
        var gap = new ReplayGap(lastEvent, timeProvider.GetUtcNow());
        await stateStore.SaveAsync(KeyFor(topicName), gap, cancellationToken: cancellationToken);
        SweepLog.GapStored(logger, topicName, lastEvent);
    }

    public async Task<bool> SweepMarkedGapAsync(string topicName, LeaseFence fence, CancellationToken cancellationToken)
    {
        var target = SweepTarget.ForTopic(topicName);
        var entry = target is null ? null : await stateStore.GetAsync<ReplayGap>(KeyFor(topicName), cancellationToken);
        if (target is null || entry is null)
        {
            return false;
        }

        var since = sweep.StartAfter(entry.Value.LastEventDate);
        await sweep.SweepAsync(target.SObjectType, since, fence, cancellationToken);

        // Conditional on the ETag: a gap stored again while this sweep ran stays for the next sweep.
        await fence(cancellationToken);
        await stateStore.TryDeleteAsync(KeyFor(topicName), entry.ETag, cancellationToken);
        return true;
    }
}
