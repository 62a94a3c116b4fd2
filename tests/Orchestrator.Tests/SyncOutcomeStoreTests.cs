using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests;

public sealed class SyncOutcomeStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RecordAsync_ParallelRecords_KeepsEveryIndexEntry()
    {
        var store = new SyncOutcomeStore(new InMemoryStateStore(time), time, NullLogger<SyncOutcomeStore>.Instance);
        var recordIds = Enumerable.Range(0, 50).Select(index => $"001{index:D15}").ToList();

        await Task.WhenAll(recordIds.Select(recordId => Task.Run(
            () => store.RecordAsync("customer", RecordResult.Synced(recordId, "1"), CancellationToken.None),
            TestContext.Current.CancellationToken)));

        var outcomes = await store.ListAsync("customer", TestContext.Current.CancellationToken);
        Assert.Equal(recordIds.Order(StringComparer.Ordinal), outcomes.Select(outcome => outcome.RecordId));
    }

    [Fact]
    public async Task RecordAsync_ParallelAttemptsOnOneRecord_CountsEach()
    {
        var store = new SyncOutcomeStore(new InMemoryStateStore(time), time, NullLogger<SyncOutcomeStore>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(
            () => store.RecordAsync("customer", RecordResult.Synced("001A", "1"), CancellationToken.None),
            TestContext.Current.CancellationToken)));

        var outcome = Assert.Single(await store.ListAsync("customer", TestContext.Current.CancellationToken));
        Assert.Equal(10, outcome.Attempts);
    }

    [Fact]
    public async Task RecordAsync_FailureAfterSuccess_KeepsNetSuiteId()
    {
        var store = new SyncOutcomeStore(new InMemoryStateStore(time), time, NullLogger<SyncOutcomeStore>.Instance);
        await store.RecordAsync("customer", RecordResult.Synced("001A", "1001"), CancellationToken.None);

        var failure = RecordResult.Failed("001A", "INVALID_VALUE", "Account 001A: Phone 'x' is invalid.", "Phone");

        var failed = await store.RecordAsync("customer", failure, CancellationToken.None);

        Assert.Equal(SyncOutcomes.Failed, failed.Outcome);
        Assert.Equal("1001", failed.NetSuiteId);
        Assert.Equal("Phone", failed.Field);
        Assert.Equal(2, failed.Attempts);
    }

    [Fact]
    public async Task ListAsync_OtherFlow_IsSeparate()
    {
        var store = new SyncOutcomeStore(new InMemoryStateStore(time), time, NullLogger<SyncOutcomeStore>.Instance);
        await store.RecordAsync("customer", RecordResult.Synced("001A", "1"), CancellationToken.None);

        var outcomes = await store.ListAsync("invoice", TestContext.Current.CancellationToken);

        Assert.Empty(outcomes);
    }
}
