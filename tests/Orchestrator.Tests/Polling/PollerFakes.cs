using System.Collections.Concurrent;
using System.Globalization;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Tests.Polling;

/// <summary>A polled record as the fakes carry it.</summary>
internal sealed record FakeRecord(string Id, DateTimeOffset LastModified, string Customer);

/// <summary>In-memory stand-in for the NetSuite System API's paged read, ordered by (lastmodifieddate, id).</summary>
internal sealed class FakeSource : IPollerSource<FakeRecord>
{
    private readonly ConcurrentDictionary<string, FakeRecord> _records = new();
    private int _calls;

    public Func<Exception>? FailWith { get; set; }

    /// <summary>When set, every read waits for it, so two runs overlap in time.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Calls => _calls;

    public void Add(string id, DateTimeOffset lastModified, string customer = "Northwind") =>
        _records[id] = new FakeRecord(id, lastModified, customer);

    public void AddMany(int count, DateTimeOffset lastModified)
    {
        for (var i = 0; i < count; i++)
        {
            Add((10_000 + i).ToString(CultureInfo.InvariantCulture), lastModified.AddMilliseconds(i));
        }
    }

    public async Task<PollerPage<FakeRecord>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailWith is { } fail)
        {
            throw fail();
        }

        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var window = _records.Values
            .Where(r => r.LastModified >= since && r.LastModified <= until)
            .OrderBy(r => r.LastModified).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var page = window.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return new PollerPage<FakeRecord>(page, next < window.Count, next.ToString(CultureInfo.InvariantCulture));
    }

    public PolledKey KeyOf(FakeRecord record) => new(record.Id, record.LastModified);
}

/// <summary>In-memory stand-in for the Salesforce System API's batch upsert.</summary>
internal sealed class FakeSink : IPollerSink<FakeRecord>
{
    public List<IReadOnlyList<FakeRecord>> Batches { get; } = [];

    public Func<string, bool> Reject { get; set; } = _ => false;

    public Task<IReadOnlyList<SinkOutcome>> UpsertAsync(IReadOnlyList<FakeRecord> batch, CancellationToken cancellationToken)
    {
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
