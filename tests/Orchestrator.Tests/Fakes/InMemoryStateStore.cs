using System.Collections.Concurrent;
using System.Text.Json;
using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>
/// In-memory fake of the project's own <see cref="IStateStore"/> seam. Values are stored as JSON, as the
/// real stores do, so a caller that changes a value it read cannot change the stored copy.
/// </summary>
internal sealed class InMemoryStateStore(TimeProvider time) : IStateStore
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag, DateTimeOffset? Expires)> entries = new();
    private readonly Lock writeLock = new();
    private long nextETag;

    public IReadOnlyCollection<string> Keys => entries.Keys.ToList();

    public Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        if (!entries.TryGetValue(key, out var entry) || IsExpired(entry.Expires))
        {
            return Task.FromResult<StateEntry<T>?>(null);
        }

        var value = JsonSerializer.Deserialize<T>(entry.Json)!;
        return Task.FromResult<StateEntry<T>?>(new StateEntry<T>(value, entry.ETag));
    }

    public Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        lock (writeLock)
        {
            return Task.FromResult(Write(key, value, timeToLive));
        }
    }

    public Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        lock (writeLock)
        {
            var exists = entries.TryGetValue(key, out var entry) && !IsExpired(entry.Expires);
            if (exists ? entry.ETag != etag : etag is not null)
            {
                return Task.FromResult(false);
            }

            Write(key, value, timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        lock (writeLock)
        {
            if (!entries.TryGetValue(key, out var entry) || (etag is not null && entry.ETag != etag))
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(entries.TryRemove(key, out _));
        }
    }

    /// <summary>Returns the time-to-live left on a key, or null when the key has none or is absent.</summary>
    public TimeSpan? TimeToLiveOf(string key) =>
        entries.TryGetValue(key, out var entry) && entry.Expires is { } expires ? expires - time.GetUtcNow() : null;

    private string Write<T>(string key, T value, TimeSpan? timeToLive)
    {
        var etag = Interlocked.Increment(ref nextETag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        entries[key] = (JsonSerializer.Serialize(value), etag, time.GetUtcNow() + timeToLive);
        return etag;
    }

    private bool IsExpired(DateTimeOffset? expires) => expires is { } at && at <= time.GetUtcNow();
}
