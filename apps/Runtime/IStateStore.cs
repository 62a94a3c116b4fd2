namespace DaprSync.Runtime;

/// <summary>A stored value with the ETag that guards its next write.</summary>
public sealed record StateEntry<T>(T Value, string ETag);

/// <summary>
/// Key/value state with optimistic concurrency, shaped after Dapr's state building block.
/// Keys are scoped to the calling app, as Dapr prefixes them with the app id.
/// </summary>
public interface IStateStore
{
    /// <summary>Reads a value; null when the key is absent or its time-to-live has passed.</summary>
    Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a value unconditionally (last write wins) and returns its new ETag.</summary>
    Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a value only if the stored ETag still equals <paramref name="etag"/>; a null
    /// <paramref name="etag"/> means the key must not exist yet. Returns false on a conflict.
    /// </summary>
    Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a key if its ETag matches (any ETag when null). Returns false on a conflict.</summary>
    Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default);
}
