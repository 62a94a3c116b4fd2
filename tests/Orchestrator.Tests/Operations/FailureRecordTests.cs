using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Operations;

public sealed class FailureRecordTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SyncOutcomeStore store;

    public FailureRecordTests() =>
        store = new SyncOutcomeStore(new InMemoryStateStore(time), time, NullLogger<SyncOutcomeStore>.Instance);

    [Fact]
    public async Task RecordAsync_Failure_IsOpenWithRetryPayload()
    {
        var retry = RetryRequest.ForSalesforceUpsert("invoice", """{"netSuiteId":"77"}""");

        var stored = await store.RecordAsync(
            "invoice", RecordResult.Failed("77", "INVALID_FIELD", "bad", null) with { RecordType = "Invoice", Retry = retry },
            TestContext.Current.CancellationToken);

        Assert.Equal(FailureStatus.Open, stored.Status);
        Assert.Equal("Invoice", stored.RecordType);
        Assert.Equal(retry, stored.Retry);
    }

    [Fact]
    public async Task RecordAsync_SuccessAfterFailure_Resolves()
    {
        await store.RecordAsync("customer", RecordResult.Failed("001A", "E", "m", "Name"), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(5));

        var stored = await store.RecordAsync("customer", RecordResult.Synced("001A", "1001"), TestContext.Current.CancellationToken);

        Assert.Equal(FailureStatus.Resolved, stored.Status);
        Assert.Equal(time.GetUtcNow(), stored.ResolvedAt);
        Assert.Null(stored.ErrorCode);
        Assert.Null(stored.Retry);
    }

    [Fact]
    public async Task RecordAsync_SuccessWithoutFailure_HasNoStatus()
    {
        var stored = await store.RecordAsync("customer", RecordResult.Synced("001A", "1001"), TestContext.Current.CancellationToken);

        Assert.Null(stored.Status);
    }

    [Fact]
    public async Task ResolveAsync_LaterUpsert_ResolvesOpenFailure()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await store.RecordAsync("refund", RecordResult.Failed("9", "E", "m", null), cancellationToken);

        var resolved = await store.ResolveAsync("refund", "9", cancellationToken);
        var unknown = await store.ResolveAsync("refund", "10", cancellationToken);

        Assert.True(resolved);
        Assert.False(unknown);
        var outcome = await store.GetAsync("refund", "9", cancellationToken);
        Assert.Equal(FailureStatus.Resolved, outcome!.Status);
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Null(await store.GetAsync("refund", "10", cancellationToken));
    }

    [Fact]
    public async Task MarkReportedAsync_SecondReport_ReturnsNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await store.RecordAsync("payment", RecordResult.Failed("a0P1", "E", "m", null), cancellationToken);

        var first = await store.MarkReportedAsync("payment", ["a0P1"], cancellationToken);
        await store.RecordAsync("payment", RecordResult.Failed("a0P1", "E", "again", null), cancellationToken);
        var second = await store.MarkReportedAsync("payment", ["a0P1"], cancellationToken);

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task MarkReportedAsync_NewFailure_ReportsAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await store.RecordAsync("payment", RecordResult.Failed("a0P1", "E", "m", null), cancellationToken);
        await store.MarkReportedAsync("payment", ["a0P1"], cancellationToken);
        await store.RecordAsync("payment", RecordResult.Synced("a0P1", "5"), cancellationToken);
        await store.RecordAsync("payment", RecordResult.Failed("a0P1", "E", "new", null), cancellationToken);

        var again = await store.MarkReportedAsync("payment", ["a0P1"], cancellationToken);

        Assert.Single(again);
    }

    [Fact]
    public async Task ListFailuresAsync_AllFlows_ListsEach()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await store.RecordAsync("customer", RecordResult.Failed("001A", "E", "m", null), cancellationToken);
        await store.RecordAsync("custom-flow", RecordResult.Failed("x", "E", "m", null), cancellationToken);
        await store.RecordAsync("customer", RecordResult.Synced("001B", "1"), cancellationToken);

        var failures = await store.ListFailuresAsync(null, FailureStatus.Open, cancellationToken);

        Assert.Equal(["custom-flow", "customer"], failures.Select(f => f.Flow));
    }
}
