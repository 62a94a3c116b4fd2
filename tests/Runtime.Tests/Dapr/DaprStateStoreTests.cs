using System.Text.Json;
using Dapr;
using Dapr.Client;
using DaprSync.Runtime.Dapr;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DaprSync.Runtime.Tests.Dapr;

// DaprClient is mocked because no daprd sidecar can run on the build machines. The mock returns what the
// sidecar and SDK return: an empty ETag for a missing key, false for an ETag mismatch (Aborted), and a
// DaprException for state.redis's insert-only conflict. The Testcontainers smoke test covers a real sidecar.
public sealed class DaprStateStoreTests
{
    private sealed record Watermark(DateTimeOffset LastModified);

    private static readonly Watermark Value = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private readonly DaprClient _daprClient = Substitute.For<DaprClient>();
    private readonly DaprStateStore _store;

    public DaprStateStoreTests() => _store = new DaprStateStore(_daprClient, NullLogger<DaprStateStore>.Instance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        StubGet<Watermark>("watermark:invoice", (null!, string.Empty));

        var entry = await _store.GetAsync<Watermark>("watermark:invoice", Token);

        Assert.Null(entry);
    }

    [Fact]
    public async Task GetAsync_StoredKey_ReturnsValueAndETag()
    {
        StubGet("watermark:invoice", (Value, "7"));

        var entry = await _store.GetAsync<Watermark>("watermark:invoice", Token);

        Assert.NotNull(entry);
        Assert.Equal(Value, entry.Value);
        Assert.Equal("7", entry.ETag);
    }

    [Fact]
    public async Task SaveAsync_FractionalTimeToLive_RoundsUp()
    {
        StubETag("event:abc", "1");

        var etag = await _store.SaveAsync("event:abc", Value, TimeSpan.FromSeconds(90.2), Token);

        Assert.Equal("1", etag);
        await _daprClient.Received(1).SaveStateAsync(
            "statestore",
            "event:abc",
            Value,
            Arg.Any<StateOptions>(),
            Arg.Is<IReadOnlyDictionary<string, string>>(metadata => metadata["ttlInSeconds"] == "91"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SaveAsync_NoTimeToLive_SendsNoMetadata()
    {
        StubETag("watermark:refund", "3");

        var etag = await _store.SaveAsync("watermark:refund", Value, cancellationToken: Token);

        Assert.Equal("3", etag);
        await _daprClient.Received(1).SaveStateAsync(
            "statestore",
            "watermark:refund",
            Value,
            Arg.Any<StateOptions>(),
            Arg.Is<IReadOnlyDictionary<string, string>?>(metadata => metadata == null),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SaveAsync_NoETagAfterWrite_Throws()
    {
        StubETag("watermark:refund", string.Empty);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _store.SaveAsync("watermark:refund", Value, cancellationToken: Token));

        Assert.Contains("watermark:refund", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task SaveAsync_NonPositiveTimeToLive_Throws(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _store.SaveAsync("event:abc", Value, TimeSpan.FromSeconds(seconds), Token));
        Assert.Empty(_daprClient.ReceivedCalls());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TrySaveAsync_WithETag_UsesFirstWrite(bool sidecarResult)
    {
        StubTrySave("watermark:invoice", "7").Returns(sidecarResult);

        var saved = await _store.TrySaveAsync("watermark:invoice", Value, "7", cancellationToken: Token);

        Assert.Equal(sidecarResult, saved);
        await _daprClient.Received(1).TrySaveStateAsync(
            "statestore",
            "watermark:invoice",
            Value,
            "7",
            Arg.Is<StateOptions>(options => options.Concurrency == ConcurrencyMode.FirstWrite),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TrySaveAsync_EmptyETag_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _store.TrySaveAsync("watermark:invoice", Value, string.Empty, cancellationToken: Token));
        Assert.Empty(_daprClient.ReceivedCalls());
    }

    [Fact]
    public async Task TrySaveAsync_InsertKeyExists_SkipsWrite()
    {
        StubETag("event:dup", "1");

        var saved = await _store.TrySaveAsync("event:dup", Value, null, cancellationToken: Token);

        Assert.False(saved);
        await _daprClient.DidNotReceive().TrySaveStateAsync(
            Arg.Any<string>(),
            Arg.Any<string>(),
            Arg.Any<Watermark>(),
            Arg.Any<string>(),
            Arg.Any<StateOptions>(),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TrySaveAsync_InsertKeyAbsent_SendsEmptyETag()
    {
        StubETag("event:new", string.Empty);
        StubTrySave("event:new", string.Empty).Returns(true);

        var saved = await _store.TrySaveAsync("event:new", Value, null, TimeSpan.FromDays(1), Token);

        Assert.True(saved);
        await _daprClient.Received(1).TrySaveStateAsync(
            "statestore",
            "event:new",
            Value,
            string.Empty,
            Arg.Is<StateOptions>(options => options.Concurrency == ConcurrencyMode.FirstWrite),
            Arg.Is<IReadOnlyDictionary<string, string>>(metadata => metadata["ttlInSeconds"] == "86400"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TrySaveAsync_InsertAborted_ReturnsFalse()
    {
        StubETag("event:race", string.Empty);
        StubTrySave("event:race", string.Empty).Returns(false);

        var saved = await _store.TrySaveAsync("event:race", Value, null, cancellationToken: Token);

        Assert.False(saved);
    }

    [Fact]
    public async Task TrySaveAsync_InsertLostRace_ReturnsFalse()
    {
        // state.redis reports an insert-only conflict as a plain save error, which the SDK raises as a
        // DaprException. The second read then finds the key that the other writer created.
        StubETag("event:race", string.Empty, "1");
        StubTrySave("event:race", string.Empty).ThrowsAsync(SaveFailure());

        var saved = await _store.TrySaveAsync("event:race", Value, null, cancellationToken: Token);

        Assert.False(saved);
        await _daprClient.Received(2).GetStateAndETagAsync<JsonElement>(
            "statestore",
            "event:race",
            Arg.Any<ConsistencyMode?>(),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TrySaveAsync_InsertFailsKeyAbsent_Rethrows()
    {
        StubETag("event:broken", string.Empty, string.Empty);
        var failure = SaveFailure();
        StubTrySave("event:broken", string.Empty).ThrowsAsync(failure);

        var error = await Assert.ThrowsAsync<DaprException>(() =>
            _store.TrySaveAsync("event:broken", Value, null, cancellationToken: Token));

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task TryDeleteAsync_NullETag_DeletesUnconditionally()
    {
        var deleted = await _store.TryDeleteAsync("event:old", cancellationToken: Token);

        Assert.True(deleted);
        await _daprClient.Received(1).DeleteStateAsync(
            "statestore",
            "event:old",
            Arg.Any<StateOptions>(),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryDeleteAsync_WithETag_UsesFirstWrite(bool sidecarResult)
    {
        _daprClient.TryDeleteStateAsync(
                "statestore",
                "event:old",
                "4",
                Arg.Any<StateOptions>(),
                Arg.Any<IReadOnlyDictionary<string, string>>(),
                Arg.Any<CancellationToken>())
            .Returns(sidecarResult);

        var deleted = await _store.TryDeleteAsync("event:old", "4", Token);

        Assert.Equal(sidecarResult, deleted);
        await _daprClient.Received(1).TryDeleteStateAsync(
            "statestore",
            "event:old",
            "4",
            Arg.Is<StateOptions>(options => options.Concurrency == ConcurrencyMode.FirstWrite),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
    }

    private static DaprException SaveFailure() => new(
        "State operation failed: the Dapr endpoint indicated a failure.",
        new RpcException(new Status(StatusCode.Internal, "failed to set key event")));

    private void StubGet<T>(string key, (T Value, string ETag) result) =>
        _daprClient.GetStateAndETagAsync<T>(
                "statestore",
                key,
                Arg.Any<ConsistencyMode?>(),
                Arg.Any<IReadOnlyDictionary<string, string>>(),
                Arg.Any<CancellationToken>())
            .Returns(result);

    private void StubETag(string key, string etag, params string[] laterETags) =>
        _daprClient.GetStateAndETagAsync<JsonElement>(
                "statestore",
                key,
                Arg.Any<ConsistencyMode?>(),
                Arg.Any<IReadOnlyDictionary<string, string>>(),
                Arg.Any<CancellationToken>())
            .Returns((default(JsonElement), etag), [.. laterETags.Select(later => (default(JsonElement), later))]);

    private Task<bool> StubTrySave(string key, string etag) =>
        _daprClient.TrySaveStateAsync(
            "statestore",
            key,
            Arg.Any<Watermark>(),
            etag,
            Arg.Any<StateOptions>(),
            Arg.Any<IReadOnlyDictionary<string, string>>(),
            Arg.Any<CancellationToken>());
}
