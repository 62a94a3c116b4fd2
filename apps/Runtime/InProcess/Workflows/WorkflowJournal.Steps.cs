using Dapr.Workflow;
using DaprSync.Runtime.Workflows;
using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>Status changes of an instance and the durable steps of its history.</summary>
internal sealed partial class WorkflowJournal
{
    public Task MarkRunningAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE workflow_instances SET status = 'Running', updated_at = $now
            WHERE app_id = $app AND instance_id = $id
            """,
            instanceId, now, cancellationToken);

    public async Task FinishAsync(
        string instanceId,
        WorkflowInstanceStatus status,
        string? outputJson,
        WorkflowTaskFailureDetails? failure,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            UPDATE workflow_instances SET status = $status, output = $output, failure_type = $type,
                failure_message = $message, updated_at = $now, completed_at = $now
            WHERE app_id = $app AND instance_id = $id
            """, instanceId);
        command.Parameters.AddWithValue("$status", status.ToString());
        command.Parameters.AddWithValue("$output", (object?)outputJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)failure?.ErrorType ?? DBNull.Value);
        command.Parameters.AddWithValue("$message", (object?)failure?.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Restarts the instance with a new input: its history is cleared and its start time reset.</summary>
    public async Task ContinueAsNewAsync(
        string instanceId, string inputJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var update = Command(connection, transaction, """
            UPDATE workflow_instances SET input = $input, started_at = $now, updated_at = $now
            WHERE app_id = $app AND instance_id = $id
            """, instanceId);
        update.Parameters.AddWithValue("$input", inputJson);
        update.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await update.ExecuteNonQueryAsync(cancellationToken);

        await using var clear = Command(connection, transaction, ClearHistory, instanceId);
        await clear.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SetCustomStatusAsync(
        string instanceId, string customStatusJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            UPDATE workflow_instances SET custom_status = $status, updated_at = $now
            WHERE app_id = $app AND instance_id = $id
            """, instanceId);
        command.Parameters.AddWithValue("$status", customStatusJson);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<WorkflowStep>> ReadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            SELECT seq, kind, name, result, failure_type, failure_message, failure_stack, fire_at, completed_at,
                   completion_order
            FROM workflow_history WHERE app_id = $app AND instance_id = $id ORDER BY seq
            """, instanceId);
        var steps = new List<WorkflowStep>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var failure = reader.IsDBNull(4)
                ? null
                : new WorkflowTaskFailureDetails(
                    reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
            steps.Add(new WorkflowStep(
                reader.GetInt32(0),
                Enum.Parse<WorkflowStepKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                failure,
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                reader.IsDBNull(9) ? null : reader.GetInt64(9)));
        }

        return steps;
    }

    /// <summary>Stores an activity's outcome, or a timer when <see cref="WorkflowStep.FireAt"/> is set.</summary>
    public async Task AppendAsync(string instanceId, WorkflowStep step, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            INSERT INTO workflow_history (app_id, instance_id, seq, kind, name, result, failure_type,
                failure_message, failure_stack, fire_at, completed_at, completion_order)
            VALUES ($app, $id, $seq, $kind, $name, $result, $type, $message, $stack, $fire, $completed, $order)
            """, instanceId);
        command.Parameters.AddWithValue("$seq", step.Sequence);
        command.Parameters.AddWithValue("$kind", step.Kind.ToString());
        command.Parameters.AddWithValue("$name", step.Name);
        command.Parameters.AddWithValue("$result", step.ResultJson);
        command.Parameters.AddWithValue("$type", (object?)step.Failure?.ErrorType ?? DBNull.Value);
        command.Parameters.AddWithValue("$message", (object?)step.Failure?.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("$stack", (object?)step.Failure?.StackTrace ?? DBNull.Value);
        command.Parameters.AddWithValue("$fire", (object?)step.FireAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue(
            "$completed", (object?)step.CompletedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$order", (object?)step.CompletionOrder ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores the firing (or the cancellation) of a timer step, with its completion order.</summary>
    public async Task CompleteTimerAsync(string instanceId, WorkflowStep step, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, """
            UPDATE workflow_history SET completed_at = $now, result = $result, completion_order = $order
            WHERE app_id = $app AND instance_id = $id AND seq = $seq
            """, instanceId);
        command.Parameters.AddWithValue("$seq", step.Sequence);
        command.Parameters.AddWithValue("$result", step.ResultJson);
        command.Parameters.AddWithValue("$order", (object?)step.CompletionOrder ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", step.CompletedAt!.Value.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ExecuteAsync(
        string sql, string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection, null, sql, instanceId);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal enum WorkflowStepKind
{
    Activity,
    Timer,
}

/// <summary>
/// One durable step of a workflow's history. An activity step is stored once it finished, with its result JSON
/// or its <see cref="Failure"/>. A timer step is stored when created, and <see cref="CompletedAt"/> is set when it
/// fires. <see cref="CompletionOrder"/> orders the completions as the workflow code saw them, so a replay hands
/// them back in the same order.
/// </summary>
internal sealed record WorkflowStep(
    int Sequence,
    WorkflowStepKind Kind,
    string Name,
    string ResultJson,
    WorkflowTaskFailureDetails? Failure,
    DateTimeOffset? FireAt,
    DateTimeOffset? CompletedAt,
    long? CompletionOrder = null);
