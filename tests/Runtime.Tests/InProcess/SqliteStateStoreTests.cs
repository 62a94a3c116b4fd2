using DaprSync.Runtime.InProcess;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.InProcess;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-state-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SaveAsync_ThenGet_ReturnsValueAndETag()
    {
        var store = NewStore("orchestrator");

        var etag = await store.SaveAsync("watermark", new Sample("a", 1), cancellationToken: Token);
        var entry = await store.GetAsync<Sample>("watermark", Token);

        Assert.NotNull(entry);
        Assert.Equal(new Sample("a", 1), entry.Value);
        Assert.Equal(etag, entry.ETag);
    }

    [Fact]
    public async Task TrySaveAsync_StaleETag_ReturnsFalseAndKeepsValue()
    {
        var store = NewStore("orchestrator");
        var first = await store.SaveAsync("lease", new Sample("first", 1), cancellationToken: Token);
        Assert.True(await store.TrySaveAsync("lease", new Sample("second", 2), first, cancellationToken: Token));

        var staleWrite = await store.TrySaveAsync("lease", new Sample("third", 3), first, cancellationToken: Token);

        Assert.False(staleWrite);
        Assert.Equal("second", (await store.GetAsync<Sample>("lease", Token))!.Value.Name);
    }

    [Fact]
    public async Task TrySaveAsync_NullETagOnExistingKey_ReturnsFalse()
    {
        var store = NewStore("orchestrator");
        Assert.True(await store.TrySaveAsync("lease", new Sample("owner-a", 1), null, cancellationToken: Token));

        Assert.False(await store.TrySaveAsync("lease", new Sample("owner-b", 1), null, cancellationToken: Token));
        Assert.Equal("owner-a", (await store.GetAsync<Sample>("lease", Token))!.Value.Name);
    }

    [Fact]
    public async Task GetAsync_AfterTimeToLive_ReturnsNullAndAllowsFirstWrite()
    {
        var store = NewStore("orchestrator");
        await store.SaveAsync("processed:evt-1", new Sample("done", 1), TimeSpan.FromMinutes(5), Token);

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync<Sample>("processed:evt-1", Token));
        Assert.True(await store.TrySaveAsync("processed:evt-1", new Sample("again", 2), null, cancellationToken: Token));
    }

    [Fact]
    public async Task GetAsync_OtherApp_DoesNotSeeKey()
    {
        await NewStore("sf-sapi").SaveAsync("replay-id", new Sample("x", 1), cancellationToken: Token);

        Assert.Null(await NewStore("orchestrator").GetAsync<Sample>("replay-id", Token));
        Assert.NotNull(await NewStore("sf-sapi").GetAsync<Sample>("replay-id", Token));
    }

    [Fact]
    public async Task TryDeleteAsync_WrongETag_KeepsKey()
    {
        var store = NewStore("orchestrator");
        var etag = await store.SaveAsync("k", new Sample("v", 1), cancellationToken: Token);

        Assert.False(await store.TryDeleteAsync("k", "not-the-etag", Token));
        Assert.True(await store.TryDeleteAsync("k", etag, Token));
        Assert.Null(await store.GetAsync<Sample>("k", Token));
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private SqliteStateStore NewStore(string appId) => new(new SqliteDatabase(_path), appId, _time);

    private sealed record Sample(string Name, int Number);
}
