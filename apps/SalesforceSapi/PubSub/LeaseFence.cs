namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Confirms that this replica still holds the topic's lease, renewing it with its ETag. Call it right before
/// each publish and each replay id write. When the lease is lost it stops consumption and throws
/// <see cref="OperationCanceledException"/>, so the write is never made.
/// </summary>
public delegate Task LeaseFence(CancellationToken cancellationToken);

/// <summary>
/// Runs the catch-up sweep for a topic whose stored replay id expired, publishing the bus events of the
/// records changed since the last event seen on it.
/// </summary>
public interface IReplayGapSweeper
{
    /// <summary>
    /// Stores that events of the topic may have been missed since its last bridged event, so the sweep runs
    /// even when this replica stops before it. Does nothing for a topic the sweep does not cover.
    /// </summary>
    Task MarkGapAsync(string topicName, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the sweep of a stored gap and then deletes it. Returns false when no gap is stored. Every publish
    /// passes <paramref name="fence"/> first.
    /// </summary>
    Task<bool> SweepMarkedGapAsync(string topicName, LeaseFence fence, CancellationToken cancellationToken);
}
