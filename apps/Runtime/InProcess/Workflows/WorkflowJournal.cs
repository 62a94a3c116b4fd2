using DaprSync.Runtime.Workflows;
using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// The SQLite tables behind the in-process workflow runner: one row per instance in <c>workflow_instances</c>
/// and one row per durable step (activity result or timer) in <c>workflow_history</c>, both keyed by app id so
/// several apps can share one database file. Times are stored as Unix milliseconds.
/// </summary>
internal sealed partial class WorkflowJournal
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS workflow_instances (
            app_id TEXT NOT NULL,
            instance_id TEXT NOT NULL,
            workflow_name TEXT NOT NULL,
            status TEXT NOT NULL,
            input TEXT NULL,
            output TEXT NULL,
            failure_type TEXT NULL,
            failure_message TEXT NULL,
            custom_status TEXT NULL,
            created_at INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            completed_at INTEGER NULL,
            PRIMARY KEY (app_id, instance_id));
        CREATE INDEX IF NOT EXISTS workflow_instances_status ON workflow_instances (app_id, status, created_at);
        CREATE TABLE IF NOT EXISTS workflow_history (
            app_id TEXT NOT NULL,
            instance_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            result TEXT NULL,
            failure_type TEXT NULL,
            failure_message TEXT NULL,
            failure_stack TEXT NULL,
            fire_at INTEGER NULL,
            completed_at INTEGER NULL,
            completion_order INTEGER NULL,
            PRIMARY KEY (app_id, instance_id, seq));
        """;

    private const string ClearHistory = "DELETE FROM workflow_history WHERE app_id = $app AND instance_id = $id";

    private readonly SqliteDatabase _database;
    private readonly string _appId;

    public WorkflowJournal(SqliteDatabase database, string appId)
    {
        _database = database;
        _appId = appId;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        AddCompletionOrderColumn(connection);
    }

    /// <summary>
    /// Inserts a pending instance, or replaces a finished one with the same id together with its history.
    /// Returns false, changing nothing, when a pending or running instance has the id.
    /// </summary>
    public async Task<bool> TryCreateAsync(
        string instanceId,
        string workflowName,
        string inputJson,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var upsert = Command(connection, transaction, """
            INSERT INTO workflow_instances
                (app_id, instance_id, workflow_name, status, input, created_at, started_at, updated_at)
            VALUES ($app, $id, $name, 'Pending', $input, $now, $now, $now)
            ON CONFLICT (app_id, instance_id) DO UPDATE SET
                workflow_name = excluded.workflow_name, status = 'Pending', input = excluded.input, output = NULL,
                failure_type = NULL, failure_message = NULL, custom_status = NULL, created_at = excluded.created_at,
                started_at = excluded.started_at, updated_at = excluded.updated_at, completed_at = NULL
            WHERE workflow_instances.status NOT IN ('Pending', 'Running')
            """, instanceId);
        upsert.Parameters.AddWithValue("$name", workflowName);
        upsert.Parameters.AddWithValue("$input", inputJson);
        upsert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        if (await upsert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var clear = Command(connection, transaction, ClearHistory, instanceId);
        await clear.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<WorkflowInstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            SELECT workflow_name, status, input, output, failure_type, failure_message, custom_status,
                   created_at, started_at, completed_at
            FROM workflow_instances WHERE app_id = $app AND instance_id = $id
            """, instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WorkflowInstanceRecord(
            instanceId,
            reader.GetString(0),
            Enum.Parse<WorkflowInstanceStatus>(reader.GetString(1)),
            reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)));
    }

    /// <summary>Returns the ids of this app's pending and running instances, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT instance_id FROM workflow_instances
            WHERE app_id = $app AND status IN ('Pending', 'Running') ORDER BY created_at, instance_id
            """;
        command.Parameters.AddWithValue("$app", _appId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Adds <c>completion_order</c> to a history table made by an earlier build that lacked it.</summary>
    private static void AddCompletionOrderColumn(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText =
            "SELECT COUNT(*) FROM pragma_table_info('workflow_history') WHERE name = 'completion_order'";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE workflow_history ADD COLUMN completion_order INTEGER NULL";
            alter.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string id)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$app", _appId);
        command.Parameters.AddWithValue("$id", id);
        return command;
    }
}

/// <summary>One row of <c>workflow_instances</c>. <see cref="StartedAt"/> is when the current input began.</summary>
internal sealed record WorkflowInstanceRecord(
    string InstanceId,
    string WorkflowName,
    WorkflowInstanceStatus Status,
    string InputJson,
    string? OutputJson,
    string? FailureType,
    string? FailureMessage,
    string? CustomStatusJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt);
