using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// <see cref="IEventPublisher"/> of the in-process runtime: writes the event to the SQLite outbox and
/// wakes the bus. Once the insert has committed, a killed host still delivers the event after restart.
/// </summary>
public sealed class OutboxEventPublisher : IEventPublisher
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database;
    private readonly string _appId;
    private readonly TimeProvider _time;
    private readonly Action _signal;

    public OutboxEventPublisher(SqliteDatabase database, string appId, TimeProvider time, Action signal)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(signal);
        _database = database;
        _appId = appId;
        _time = time;
        _signal = signal;
    }

    public async Task PublishAsync<T>(
        string topic,
        T data,
        string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        await using (var connection = _database.Open())
        {
            await InsertAsync(connection, null, topic, JsonSerializer.Serialize(data, JsonOptions), eventId, cancellationToken);
        }

        _signal();
    }

    internal async Task InsertAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string topic,
        string json,
        string? eventId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (message_id, source_app, topic, data, traceparent, created_at)
            VALUES ($id, $source, $topic, $data, $traceparent, $now)
            """;
        command.Parameters.AddWithValue("$id", eventId ?? Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$source", _appId);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$data", json);
        command.Parameters.AddWithValue("$traceparent", (object?)Activity.Current?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
