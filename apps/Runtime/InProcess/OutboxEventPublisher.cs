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
        CancellationToken cancellationToken,
        TraceContext? trace = null)
    {
        // The publisher's span becomes the parent of the delivery, as the CloudEvents distributed tracing
        // extension and Dapr's own pub/sub do it. Only W3C ids fit the traceparent header.
        trace ??= TraceContext.FromCurrent();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (message_id, source_app, topic, data, traceparent, tracestate, created_at)
            VALUES ($id, $source, $topic, $data, $traceparent, $tracestate, $now)
            """;
        command.Parameters.AddWithValue("$id", eventId ?? Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$source", _appId);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$data", json);
        command.Parameters.AddWithValue("$traceparent", (object?)trace?.TraceParent ?? DBNull.Value);
        command.Parameters.AddWithValue("$tracestate", (object?)trace?.TraceState ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>W3C trace context of a published event: the <c>traceparent</c> and <c>tracestate</c> values.</summary>
internal sealed record TraceContext(string TraceParent, string? TraceState)
{
    public static TraceContext? FromCurrent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } current
            ? new TraceContext(id, string.IsNullOrEmpty(current.TraceStateString) ? null : current.TraceStateString)
            : null;
}
