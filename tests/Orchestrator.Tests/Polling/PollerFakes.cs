using System.Collections.Concurrent;
using System.Globalization;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>A polled record as the fakes carry it; a deleted one has <see cref="Deleted"/> set.</summary>
internal sealed record FakeRecord(string Id, DateTimeOffset LastModified, string Customer, bool Deleted = false);

/// <summary>In-memory stand-in for the NetSuite System API's paged read, ordered by (lastmodifieddate, id).</summary>
internal sealed class FakeSource : IPollerSource<FakeRecord>
{
    private readonly ConcurrentDictionary<string, FakeRecord> _records = new();
    private readonly ConcurrentDictionary<string, FakeRecord> _deleted = new();
    private int _calls;
    private int _deletionCalls;

    public Func<Exception>? FailWith { get; set; }

    /// <summary>When set, every read waits for it, so two runs overlap in time.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Calls => _calls;

    public int DeletionCalls => _deletionCalls;

    /// <summary>When set, a read of <see cref="ReadAsync"/> calls it first, so a test can act in the middle of a run.</summary>
    public Func<Task>? BeforeRead { get; set; }

    public void Add(string id, DateTimeOffset lastModified, string customer = "Northwind") =>
        _records[id] = new FakeRecord(id, lastModified, customer);

    public void AddMany(int count, DateTimeOffset lastModified)
    {
        for (var i = 0; i < count; i++)
        {
            Add((10_000 + i).ToString(CultureInfo.InvariantCulture), lastModified.AddMilliseconds(i));
        }
    }

    /// <summary>Removes a record and lists it as deleted at <paramref name="deletedAt"/>.</summary>
    public void Delete(string id, DateTimeOffset deletedAt)
    {
        var removed = _records.TryRemove(id, out var record);
        _deleted[id] = new FakeRecord(id, deletedAt, removed ? record!.Customer : "unknown", Deleted: true);
    }

    public async Task<PollerPage<FakeRecord>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (BeforeRead is { } beforeRead)
        {
            await beforeRead();
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailWith is { } fail)
        {
            throw fail();
        }

        return Page(_records.Values, since, until, pageSize, cursor);
    }

    public Task<PollerPage<FakeRecord>> ReadDeletedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _deletionCalls);
        return Task.FromResult(Page(_deleted.Values, since, until, pageSize, cursor));
    }

    public PolledKey KeyOf(FakeRecord record) => new(record.Id, record.LastModified);

    private static PollerPage<FakeRecord> Page(
        IEnumerable<FakeRecord> records, DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor)
    {
        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var window = records
            .Where(r => r.LastModified >= since && r.LastModified <= until)
            .OrderBy(r => r.LastModified).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var page = window.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return new PollerPage<FakeRecord>(page, next < window.Count, next.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>In-memory stand-in for the Salesforce System API's batch upsert.</summary>
internal sealed class FakeSink : IPollerSink<FakeRecord>
{
    public List<IReadOnlyList<FakeRecord>> Batches { get; } = [];

    public Func<string, bool> Reject { get; set; } = _ => false;

    /// <summary>When set, a batch that contains a record it returns true for fails with a transient error.</summary>
    public Func<FakeRecord, bool>? FailTransiently { get; set; }

    public Task<IReadOnlyList<SinkOutcome>> UpsertAsync(IReadOnlyList<FakeRecord> batch, CancellationToken cancellationToken)
    {
        if (FailTransiently is { } fail && batch.Any(fail))
        {
            throw new TransientPollerException("Salesforce answered 503");
        }

        lock (Batches)
        {
            Batches.Add(batch);
        }

        IReadOnlyList<SinkOutcome> outcomes = batch
            .Select(r => Reject(r.Id)
                ? new SinkOutcome(r.Id, false, "INVALID_CROSS_REFERENCE_KEY", $"Account of {r.Customer} is not in Salesforce", r.Customer)
                : new SinkOutcome(r.Id, true, null, null, null))
            .ToList();
        return Task.FromResult(outcomes);
    }
}
