using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// <see cref="IStateStore"/> on the in-process runtime's SQLite file. Keys are scoped by app id as
/// Dapr scopes them; ETags are random per write; an expired entry reads as absent.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database;
    private readonly string _appId;
    private readonly TimeProvider _time;

    public SqliteStateStore(SqliteDatabase database, string appId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _appId = appId;
        _time = time;
    }

    public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT value, etag FROM state
            WHERE app_id = $app AND key = $key AND (expires_at IS NULL OR expires_at > $now)
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$now", Now());

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var value = JsonSerializer.Deserialize<T>(reader.GetString(0), JsonOptions)!;
        return new StateEntry<T>(value, reader.GetString(1));
    }

    public async Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var etag = NewETag();
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO state (app_id, key, value, etag, expires_at) VALUES ($app, $key, $value, $etag, $expires)
            ON CONFLICT (app_id, key) DO UPDATE SET value = $value, etag = $etag, expires_at = $expires
            """;
        AddEntry(command, key, value, etag, timeToLive);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return etag;
    }

    public async Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();

        // An expired row counts as absent, so a first write may replace it.
        command.CommandText = etag is null
            ? """
              INSERT INTO state (app_id, key, value, etag, expires_at) VALUES ($app, $key, $value, $etag, $expires)
              ON CONFLICT (app_id, key) DO UPDATE SET value = $value, etag = $etag, expires_at = $expires
              WHERE state.expires_at IS NOT NULL AND state.expires_at <= $now
              """
            : """
              UPDATE state SET value = $value, etag = $etag, expires_at = $expires
              WHERE app_id = $app AND key = $key AND etag = $expected
                AND (expires_at IS NULL OR expires_at > $now)
              """;
        AddEntry(command, key, value, NewETag(), timeToLive);
        command.Parameters.AddWithValue("$expected", (object?)etag ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = etag is null
            ? "DELETE FROM state WHERE app_id = $app AND key = $key"
            : "DELETE FROM state WHERE app_id = $app AND key = $key AND etag = $expected";
        AddKey(command, key);
        command.Parameters.AddWithValue("$expected", (object?)etag ?? DBNull.Value);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        return etag is null || deleted == 1;
    }

    private void AddKey(SqliteCommand command, string key)
    {
        command.Parameters.AddWithValue("$app", _appId);
        command.Parameters.AddWithValue("$key", key);
    }

    private void AddEntry<T>(SqliteCommand command, string key, T value, string etag, TimeSpan? timeToLive)
    {
        AddKey(command, key);
        command.Parameters.AddWithValue("$value", JsonSerializer.Serialize(value, JsonOptions));
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue(
            "$expires",
            timeToLive is { } ttl ? Now() + (long)ttl.TotalMilliseconds : DBNull.Value);
        command.Parameters.AddWithValue("$now", Now());
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string NewETag() => Guid.NewGuid().ToString("N");
}
