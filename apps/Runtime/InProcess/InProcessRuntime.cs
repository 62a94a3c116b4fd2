using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// The in-process runtime shared by every app of one host: the SQLite file, the app directory and
/// the bus. The standalone host creates one and registers it in each app's container before the app
/// adds its services, so all apps publish to the same outbox and reach each other by app id.
/// </summary>
public sealed class InProcessRuntime : IAsyncDisposable
{
    public InProcessRuntime(
        string sqlitePath,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null,
        InProcessBusOptions? busOptions = null)
    {
        Time = time ?? TimeProvider.System;
        Database = new SqliteDatabase(sqlitePath);
        Apps = new InProcessAppDirectory();
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        Bus = new InProcessBus(Database, Apps, Time, busOptions ?? new InProcessBusOptions(), loggers.CreateLogger<InProcessBus>());
        Cron = new InProcessCronScheduler(Apps, Time, loggers.CreateLogger<InProcessCronScheduler>());
    }

    public TimeProvider Time { get; }

    public SqliteDatabase Database { get; }

    public InProcessAppDirectory Apps { get; }

    public InProcessBus Bus { get; }

    public InProcessCronScheduler Cron { get; }

    public IStateStore StateStoreFor(string appId) => new SqliteStateStore(Database, appId, Time);

    public IEventPublisher PublisherFor(string appId) => Bus.PublisherFor(appId);

    public async ValueTask DisposeAsync()
    {
        await Cron.DisposeAsync();
        await Bus.DisposeAsync();
    }
}
