using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// A poller's watermark: the highest <c>lastmodifieddate</c> it processed, and the reset token it last
/// applied (so a reset setting takes effect once, not on every run).
/// </summary>
public sealed record Watermark(DateTimeOffset Value, string? AppliedResetToken);

/// <summary>
/// Progress of a run that has not completed: its window, a page cursor of modified records, the highest
/// modification time read, and the ids it processed (null when there were too many to carry). Every record before
/// the cursor was upserted or recorded as failed, and so were the listed ids after it. It applies only while the
/// watermark is still <see cref="Watermark"/>, the value the run started from.
/// </summary>
public sealed record PollerCheckpoint(
    string RunId,
    DateTimeOffset Watermark,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Cursor,
    DateTimeOffset? HighestRead,
    IReadOnlyDictionary<string, DateTimeOffset>? Processed = null);

/// <summary>The watermark as read for a run, with the ETag that guards its update.</summary>
public sealed record WatermarkRead(Watermark Watermark, string? ETag, bool WasReset);

/// <summary>Watermarks and checkpoints per poller in the state store; watermarks are written with ETag concurrency.</summary>
public sealed class WatermarkStore(IStateStore state)
{
    /// <summary>
    /// Reads the watermark of <paramref name="poller"/>. A first run starts at <paramref name="defaultStart"/>;
    /// a <paramref name="resetToken"/> that differs from the one last applied starts there again.
    /// </summary>
    public async Task<WatermarkRead> ReadAsync(
        string poller, DateTimeOffset defaultStart, string? resetToken, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync<Watermark>(Key(poller), cancellationToken);
        if (stored is null)
        {
            return new WatermarkRead(new Watermark(defaultStart, resetToken), null, WasReset: false);
        }

        if (!string.IsNullOrWhiteSpace(resetToken) && resetToken != stored.Value.AppliedResetToken)
        {
            return new WatermarkRead(new Watermark(defaultStart, resetToken), stored.ETag, WasReset: true);
        }

        return new WatermarkRead(stored.Value, stored.ETag, WasReset: false);
    }

    /// <summary>Stores a new watermark; false when another run changed it since <paramref name="read"/>.</summary>
    public Task<bool> TryAdvanceAsync(
        string poller, WatermarkRead read, DateTimeOffset processedUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var next = new Watermark(
            processedUpTo > read.Watermark.Value ? processedUpTo : read.Watermark.Value,
            read.Watermark.AppliedResetToken);
        return state.TrySaveAsync(Key(poller), next, read.ETag, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Sets the watermark to <paramref name="value"/>, earlier or later, for an operator's reset; the next run
    /// reads from there. The applied reset token is kept, so the reset setting does not apply again.
    /// </summary>
    public async Task ResetAsync(string poller, DateTimeOffset value, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync<Watermark>(Key(poller), cancellationToken);
        await state.SaveAsync(
            Key(poller), new Watermark(value, stored?.Value.AppliedResetToken), cancellationToken: cancellationToken);
        await DeleteCheckpointAsync(poller, cancellationToken);
    }

    /// <summary>Returns the checkpoint of an interrupted run that started from <paramref name="watermark"/>, or
    /// null when there is none or the watermark has moved since.</summary>
    public async Task<PollerCheckpoint?> ReadCheckpointAsync(
        string poller, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync<PollerCheckpoint>(CheckpointKey(poller), cancellationToken);
        return stored?.Value is { } checkpoint && checkpoint.Watermark == watermark ? checkpoint : null;
    }

    public Task SaveCheckpointAsync(string poller, PollerCheckpoint checkpoint, CancellationToken cancellationToken) =>
        state.SaveAsync(CheckpointKey(poller), checkpoint, cancellationToken: cancellationToken);

    public async Task DeleteCheckpointAsync(string poller, CancellationToken cancellationToken) =>
        await state.TryDeleteAsync(CheckpointKey(poller), cancellationToken: cancellationToken);

    private static string Key(string poller) => $"watermark:{poller}";

    private static string CheckpointKey(string poller) => $"checkpoint:{poller}";
}
