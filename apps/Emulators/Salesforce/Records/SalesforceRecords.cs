using System.Collections.Concurrent;
using DaprSync.SalesforceEmulator.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceEmulator.Records;

/// <summary>One record of an all-or-nothing write: a create (new id) or an update of an existing record.</summary>
public sealed record RecordWrite(
    SObjectType Type,
    string Id,
    bool IsCreate,
    IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// The emulated org's records, safe for concurrent use. Writes commit all-or-nothing under one lock and
/// then raise a <see cref="RecordChange"/> to every <see cref="IRecordChangeListener"/> in DI, outside
/// the lock, so listeners may read the store.
/// </summary>
public sealed partial class SalesforceRecords
{
    private readonly ConcurrentDictionary<string, SalesforceRecord> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> sequences = new(StringComparer.Ordinal);
    private readonly Lock writeLock = new();
    private readonly IServiceProvider services;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SalesforceRecords> logger;

    public SalesforceRecords(IServiceProvider services, TimeProvider timeProvider, ILogger<SalesforceRecords> logger)
    {
        this.services = services;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Returns a record by sObject name (any casing) and 15- or 18-character id, or null.</summary>
    public SalesforceRecord? Get(string sObjectType, string id)
    {
        var canonicalId = SalesforceId.Normalize(id);
        if (canonicalId is null || !byId.TryGetValue(canonicalId, out var record))
        {
            return null;
        }

        return string.Equals(record.SObjectType, sObjectType, StringComparison.OrdinalIgnoreCase) ? record : null;
    }

    /// <summary>Returns every record of an sObject in creation order.</summary>
    public IReadOnlyList<SalesforceRecord> All(string sObjectType) => byId.Values
        .Where(record => string.Equals(record.SObjectType, sObjectType, StringComparison.OrdinalIgnoreCase))
        .OrderBy(record => record.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Reserves the next id of an sObject. Ids are never reused, even when a write is rolled back.</summary>
    public string NewId(SObjectType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var sequence = sequences.AddOrUpdate(type.Name, 1, (_, current) => current + 1);
        return SalesforceId.Create(type.KeyPrefix, sequence);
    }

    /// <summary>
    /// Commits every write or none. Returns the errors per write index, empty when committed. A unique
    /// field that repeats a stored value or another value of the batch is a <c>DUPLICATE_VALUE</c>.
    /// </summary>
    public IReadOnlyDictionary<int, ApiError> Commit(IReadOnlyList<RecordWrite> writes, RecordAuthor author)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(author);

        var changes = new List<RecordChange>(writes.Count);
        lock (writeLock)
        {
            var duplicates = UniqueFieldChecker.FindDuplicates(writes, HolderOf);
            if (duplicates.Count > 0)
            {
                return duplicates;
            }

            var now = TruncateToMilliseconds(timeProvider.GetUtcNow());
            foreach (var write in writes)
            {
                var stored = write.IsCreate ? null : byId.GetValueOrDefault(write.Id);
                var (record, changed) = RecordMerger.Apply(write, stored, author, now);
                byId[record.Id] = record;
                Reindex(stored, record);
                var kind = write.IsCreate ? RecordChangeKind.Created : RecordChangeKind.Updated;
                changes.Add(new RecordChange(write.Type.Name, record.Id, kind, changed, author.IsIntegrationUser, now));
            }
        }

        NotifyListeners(changes);
        return new Dictionary<int, ApiError>();
    }

    // The writes are committed at this point, so a failing listener is logged and does not fail the
    // request, as a Platform Event that fails to publish after commit leaves the record saved.
    private void NotifyListeners(List<RecordChange> changes)
    {
        var listeners = services.GetServices<IRecordChangeListener>().ToList();
        foreach (var change in changes)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    listener.OnRecordChanged(change);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogListenerFailed(logger, exception, listener.GetType().Name, change.SObjectType, change.Id);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Record change listener {Listener} failed for {SObjectType} {RecordId}")]
    private static partial void LogListenerFailed(
        ILogger logger, Exception exception, string listener, string sObjectType, string recordId);

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
