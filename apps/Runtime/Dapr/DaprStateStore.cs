using System.Globalization;
using System.Text.Json;
using Dapr.Client;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.Dapr;

/// <summary>
/// The state building block through the sidecar, on the <c>statestore</c> component. Conditional writes and
/// deletes use first-write concurrency, so a stale ETag is rejected rather than overwritten.
/// </summary>
/// <remarks>
/// Dapr has no insert-only operation, and stores differ on first-write with an empty ETag (read in the
/// components-contrib sources). state.postgresql v1 and the Azure stores insert only when the key is absent.
/// state.sqlite and state.oracledatabase reject the request. state.redis keeps an existing key only if that key
/// was itself written with first-write, and it reports the conflict as a plain save error, not an ETag mismatch.
/// So <see cref="TrySaveAsync{T}"/> with a null ETag reads the key first, then writes with an empty ETag. When
/// that write fails, a second read distinguishes a lost race from a real failure.
/// NOTE: on state.redis, a key created by <see cref="SaveAsync{T}"/> can still be overwritten by an insert-only
/// write that races past the first read. Keys used with insert-only writes must not be written with SaveAsync.
/// </remarks>
public sealed partial class DaprStateStore(DaprClient daprClient, ILogger<DaprStateStore> logger) : IStateStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        var (value, etag) = await daprClient.GetStateAndETagAsync<T>(
            DaprComponentNames.StateStore, key, cancellationToken: cancellationToken);

        // The sidecar returns an empty ETag for a missing or expired key. The stores this project configures
        // (state.redis, state.postgresql v2) set an ETag on every stored item, so an empty one means absent.
        if (string.IsNullOrEmpty(etag) || value is null)
        {
            return null;
        }

        return new StateEntry<T>(value, etag);
    }

    public async Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        await daprClient.SaveStateAsync(
            DaprComponentNames.StateStore,
            key,
            value,
            metadata: CreateMetadata(timeToLive),
            cancellationToken: cancellationToken);

        // NOTE: Dapr's save returns no ETag, so this reads it back. If another writer lands between the two
        // calls, this is the ETag of that writer's value. Callers that need an exact ETag use GetAsync first.
        var etag = await ReadETagAsync(key, cancellationToken);
        return etag ?? throw new InvalidOperationException(
            $"State store '{DaprComponentNames.StateStore}' returned no ETag for key '{key}' right after a save. " +
            "Use a state store component that supports ETags (state.redis or state.postgresql v2).");
    }

    public Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (etag is null)
        {
            return TryInsertAsync(key, value, timeToLive, cancellationToken);
        }

        ArgumentException.ThrowIfNullOrEmpty(etag);
        return daprClient.TrySaveStateAsync(
            DaprComponentNames.StateStore,
            key,
            value,
            etag,
            FirstWrite,
            CreateMetadata(timeToLive),
            cancellationToken);
    }

    public async Task<bool> TryDeleteAsync(
        string key,
        string? etag = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (etag is null)
        {
            await daprClient.DeleteStateAsync(
                DaprComponentNames.StateStore, key, cancellationToken: cancellationToken);
            return true;
        }

        ArgumentException.ThrowIfNullOrEmpty(etag);
        return await daprClient.TryDeleteStateAsync(
            DaprComponentNames.StateStore, key, etag, FirstWrite, cancellationToken: cancellationToken);
    }

    private async Task<string?> ReadETagAsync(string key, CancellationToken cancellationToken)
    {
        // JsonElement reads the raw value whatever its type, because only the ETag matters here.
        var (_, etag) = await daprClient.GetStateAndETagAsync<JsonElement>(
            DaprComponentNames.StateStore, key, cancellationToken: cancellationToken);
        return string.IsNullOrEmpty(etag) ? null : etag;
    }

    private static Dictionary<string, string>? CreateMetadata(TimeSpan? timeToLive)
    {
        if (timeToLive is not { } ttl)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(timeToLive));

        // ttlInSeconds takes whole seconds, so a fraction rounds up rather than expiring early.
        var seconds = (long)Math.Ceiling(ttl.TotalSeconds);
        return new Dictionary<string, string>
        {
            [DaprComponentNames.TimeToLiveMetadata] = seconds.ToString(CultureInfo.InvariantCulture),
        };
    }
}
