using Microsoft.Data.Sqlite;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// The SQLite file behind the in-process runtime: the pub/sub outbox, its deliveries and the state
/// store. WAL mode lets the dispatcher read while apps write. Each operation opens its own pooled
/// connection, so the type is safe to share between threads and apps.
/// </summary>
public sealed class SqliteDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS state (
            app_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            etag TEXT NOT NULL,
            expires_at INTEGER NULL,
            PRIMARY KEY (app_id, key));
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL,
            source_app TEXT NOT NULL,
            topic TEXT NOT NULL,
            data TEXT NOT NULL,
            traceparent TEXT NULL,
            tracestate TEXT NULL,
            created_at INTEGER NOT NULL,
            fanned_out INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (fanned_out, seq);
        CREATE TABLE IF NOT EXISTS delivery (
            seq INTEGER NOT NULL,
            app_id TEXT NOT NULL,
            route TEXT NOT NULL,
            dead_letter_topic TEXT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT NULL,
            PRIMARY KEY (seq, app_id, route));
        CREATE INDEX IF NOT EXISTS delivery_due ON delivery (status, next_attempt_at);
        """;

    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        AddTraceStateColumn(connection);
    }

    // A file created before the outbox stored the W3C tracestate gets the column on open.
    private static void AddTraceStateColumn(SqliteConnection connection)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'tracestate'";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE outbox ADD COLUMN tracestate TEXT NULL";
            alter.ExecuteNonQuery();
        }
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with a busy timeout, so concurrent writers wait instead of failing.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
