using Dapr;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.Dapr;

/// <summary>The insert-only write behind <see cref="DaprStateStore.TrySaveAsync{T}"/> with a null ETag.</summary>
public sealed partial class DaprStateStore
{
    private async Task<bool> TryInsertAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive,
        CancellationToken cancellationToken)
    {
        if (await ReadETagAsync(key, cancellationToken) is not null)
        {
            LogInsertConflict(logger, key);
            return false;
        }

        try
        {
            // With first-write, an empty ETag requests an insert-only write (see the remarks on the class).
            var saved = await daprClient.TrySaveStateAsync(
                DaprComponentNames.StateStore,
                key,
                value,
                string.Empty,
                FirstWrite,
                CreateMetadata(timeToLive),
                cancellationToken);
            if (!saved)
            {
                LogInsertConflict(logger, key);
            }

            return saved;
        }
        catch (DaprException exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (await ReadETagAsync(key, cancellationToken) is null)
            {
                throw;
            }

            LogInsertLostRace(logger, key, exception);
            return false;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "State key {Key} already exists, so the insert-only write was skipped")]
    private static partial void LogInsertConflict(ILogger logger, string key);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "Insert-only write of state key {Key} failed because another writer created the key first")]
    private static partial void LogInsertLostRace(ILogger logger, string key, Exception exception);
}
