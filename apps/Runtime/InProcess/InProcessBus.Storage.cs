using DaprSync.Contracts;
using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess;

/// <summary>The outbox and delivery tables behind <see cref="InProcessBus"/>.</summary>
public sealed partial class InProcessBus
{
    private const int FanOutBatch = 500;

    /// <summary>Counts of deliveries by state, and the retries they took.</summary>
    public sealed record BusStatistics(
        long Published,
        long Pending,
        long Delivered,
        long Dropped,
        long DeadLettered,
        long Failed,
        long Retries);

    public async Task<BusStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COUNT(*) FROM outbox),
              (SELECT COUNT(*) FROM outbox WHERE fanned_out = 0) + (SELECT COUNT(*) FROM delivery WHERE status = 'pending'),
              (SELECT COUNT(*) FROM delivery WHERE status = 'delivered'),
              (SELECT COUNT(*) FROM delivery WHERE status = 'dropped'),
              (SELECT COUNT(*) FROM delivery WHERE status = 'dead-lettered'),
              (SELECT COUNT(*) FROM delivery WHERE status = 'failed'),
              (SELECT COALESCE(SUM(MAX(attempts - 1, 0)), 0) FROM delivery)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BusStatistics(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>Waits until no event is waiting or in flight; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var statistics = await GetStatisticsAsync(deadline.Token);
                if (statistics.Pending == 0 && _inFlight.IsEmpty)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task FanOutAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var messages = new List<(long Seq, string MessageId, string Topic)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT seq, message_id, topic FROM outbox WHERE fanned_out = 0 ORDER BY seq LIMIT $limit";
            select.Parameters.AddWithValue("$limit", FanOutBatch);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var message in messages)
        {
            var targets = _subscriptions.Where(s => s.Topic == message.Topic).ToList();
            if (targets.Count == 0)
            {
                BusLog.NoSubscriber(_logger, message.Topic, message.MessageId);
            }

            foreach (var target in targets)
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT OR IGNORE INTO delivery (seq, app_id, route, dead_letter_topic, status, next_attempt_at)
                    VALUES ($seq, $app, $route, $dlt, 'pending', $now)
                    """;
                insert.Parameters.AddWithValue("$seq", message.Seq);
                insert.Parameters.AddWithValue("$app", target.AppId);
                insert.Parameters.AddWithValue("$route", target.Route);
                insert.Parameters.AddWithValue("$dlt", (object?)target.DeadLetterTopic ?? DBNull.Value);
                insert.Parameters.AddWithValue("$now", now);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "UPDATE outbox SET fanned_out = 1 WHERE seq = $seq";
            mark.Parameters.AddWithValue("$seq", message.Seq);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task DispatchDueAsync(CancellationToken stopping)
    {
        var free = _options.MaxConcurrentDeliveries - _inFlight.Count;
        if (free <= 0)
        {
            return;
        }

        var due = new List<PendingDelivery>();
        await using (var connection = _database.Open())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT d.seq, d.app_id, d.route, d.dead_letter_topic, d.attempts,
                       o.message_id, o.source_app, o.topic, o.data, o.traceparent, o.tracestate, o.created_at
                FROM delivery d JOIN outbox o ON o.seq = d.seq
                WHERE d.status = 'pending' AND d.next_attempt_at <= $now
                ORDER BY d.next_attempt_at, d.seq
                LIMIT $limit
                """;
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", free + _inFlight.Count);
            await using var reader = await command.ExecuteReaderAsync(stopping);
            while (await reader.ReadAsync(stopping))
            {
                due.Add(new PendingDelivery(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), Topics.PubSubName,
                    reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetInt64(11)));
            }
        }

        foreach (var delivery in due.Where(d => !_inFlight.ContainsKey(d.Key)).Take(free))
        {
            var started = new TaskCompletionSource();
            if (_inFlight.TryAdd(delivery.Key, started.Task))
            {
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await DeliverAsync(delivery, stopping);
                        }
                        catch (Microsoft.Data.Sqlite.SqliteException exception)
                        {
                            // The outcome could not be stored, so the row is still pending. Waiting before the
                            // slot frees keeps a failing database from turning into a tight redelivery loop.
                            BusLog.LoopFailed(_logger, exception);
                            await Task.Delay(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
                        }
                        finally
                        {
                            _inFlight.TryRemove(delivery.Key, out _);
                            started.TrySetResult();
                            Signal();
                        }
                    },
                    CancellationToken.None);
            }
        }
    }

    private async Task RecordOutcomeAsync(PendingDelivery delivery, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var status = "pending";
        var nextAttempt = _time.GetUtcNow();

        // The dead-letter copy and the status change commit together, so a crash between them cannot
        // leave the event both pending and dead-lettered.
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        switch (outcome.Verdict)
        {
            case DeliveryVerdict.Delivered:
                status = "delivered";
                break;
            case DeliveryVerdict.Drop:
                BusLog.Dropped(_logger, delivery.AppId, delivery.MessageId, delivery.Topic, outcome.Reason);
                status = await DeadLetterAsync(connection, transaction, delivery, attempts, outcome.Reason, dropped: true, cancellationToken);
                break;
            case DeliveryVerdict.Retry when attempts >= _options.MaxAttempts:
                status = await DeadLetterAsync(connection, transaction, delivery, attempts, outcome.Reason, dropped: false, cancellationToken);
                break;
            default:
                var delay = Backoff(attempts);
                nextAttempt += delay;
                BusLog.Retrying(_logger, delivery.MessageId, delivery.Topic, delivery.AppId, delivery.Route, attempts, outcome.Reason, delay);
                break;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE delivery SET status = $status, attempts = $attempts, next_attempt_at = $next, last_error = $error
            WHERE seq = $seq AND app_id = $app AND route = $route
            """;
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$attempts", attempts);
        command.Parameters.AddWithValue("$next", nextAttempt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", outcome.Verdict == DeliveryVerdict.Delivered ? DBNull.Value : outcome.Reason);
        command.Parameters.AddWithValue("$seq", delivery.Seq);
        command.Parameters.AddWithValue("$app", delivery.AppId);
        command.Parameters.AddWithValue("$route", delivery.Route);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<string> DeadLetterAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        PendingDelivery delivery,
        int attempts,
        string reason,
        bool dropped,
        CancellationToken cancellationToken)
    {
        if (delivery.DeadLetterTopic is null || delivery.Topic == delivery.DeadLetterTopic)
        {
            if (!dropped)
            {
                BusLog.Failed(_logger, delivery.MessageId, delivery.Topic, delivery.AppId, attempts, reason);
            }

            return dropped ? "dropped" : "failed";
        }

        var publisher = new OutboxEventPublisher(_database, delivery.SourceApp, _time, Signal);
        await publisher.InsertAsync(
            connection, transaction, delivery.DeadLetterTopic, delivery.Data, delivery.MessageId, cancellationToken, delivery.Trace);
        BusLog.DeadLettered(_logger, delivery.MessageId, delivery.Topic, delivery.AppId, attempts, reason, delivery.DeadLetterTopic);
        return "dead-lettered";
    }

    private TimeSpan Backoff(int attempts)
    {
        var exponential = _options.InitialBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential < _options.MaxBackoff ? exponential : _options.MaxBackoff;

        // Up to 20 % jitter, so retries of a burst do not arrive together.
        return capped * (1 + (Random.Shared.NextDouble() * 0.2));
    }
}
