using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Payments;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Orchestrator.Tests.Orders;
using DaprSync.Runtime.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Claims;

/// <summary>
/// Two deliveries of one event id, where the second finishes all its work between the first delivery's read
/// of the processed key and its claim insert. The first delivery then wins a free claim and must still find
/// the event processed instead of calling NetSuite again.
/// </summary>
public sealed class EventClaimRaceTests
{
    private const string AccountId = "001000000000001AAA";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountEvent_ClaimWonAfterHolderFinished_OneUpsert()
    {
        var salesforce = new FakeSalesforceSapi();
        var netSuite = new FakeNetSuiteSapi();
        var store = new InMemoryStateStore(time);
        var state = new HeldClaimStateStore(store);
        salesforce.Add(TestAccounts.Alfreds(AccountId));
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddOrchestrator();
        OrchestratorHarness.ReplaceSeams(builder.Services, salesforce, netSuite, time, state);
        await using var app = builder.Build();
        var handler = app.Services.GetRequiredService<AccountChangedHandler>();
        var changed = TestAccounts.Changed(AccountId, "evt-race");

        var late = handler.HandleAsync(changed, null, Token);
        await state.ClaimHeld.WaitAsync(Token);
        var first = await handler.HandleAsync(changed, null, Token);
        state.ReleaseClaim();
        var second = await late;

        Assert.Equal(TopicResponse.Success, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Single(netSuite.Upserts);
        Assert.Single(salesforce.Writebacks);
        Assert.DoesNotContain("customer:event-claim:evt-race", store.Keys);
    }

    [Fact]
    public async Task PaymentEvent_ClaimWonAfterHolderFinished_OnePayment()
    {
        var netSuite = new OrderNetSuiteFake();
        var salesforce = new OrderSalesforceFake();
        var store = new InMemoryStateStore(time);
        var state = new HeldClaimStateStore(store);
        var outcomes = new SyncOutcomeStore(state, time, NullLogger<SyncOutcomeStore>.Instance);
        var handler = new PaymentRecordedHandler(
            netSuite, salesforce, outcomes, state, Options.Create(new PaymentSyncOptions()), time,
            NullLogger<PaymentRecordedHandler>.Instance);
        var recorded = new PaymentRecordedEvent(
            "evt-race", "a02000000000001AAA", 250m, "3001", "9001", new DateOnly(2026, 3, 2), time.GetUtcNow());

        var late = handler.HandleAsync(recorded, null, Token);
        await state.ClaimHeld.WaitAsync(Token);
        var first = await handler.HandleAsync(recorded, null, Token);
        state.ReleaseClaim();
        var second = await late;

        Assert.Equal(TopicResponse.Success, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Single(netSuite.PaymentUpserts);
        Assert.Single(salesforce.PaymentWritebacks);
        Assert.DoesNotContain("payment:event-claim:evt-race", store.Keys);
    }

    [Fact]
    public async Task OrderEvent_ClaimWonAfterHolderFinished_NoRerunFlag()
    {
        var scheduler = new RunningWorkflowScheduler();
        var state = new HeldClaimStateStore(new InMemoryStateStore(time));
        var outcomes = new SyncOutcomeStore(state, time, NullLogger<SyncOutcomeStore>.Instance);
        var handler = new OrderQueuedHandler(
            scheduler, outcomes, state, Options.Create(new OrderSyncOptions()), time,
            NullLogger<OrderQueuedHandler>.Instance);
        var queued = new OrderQueuedEvent("evt-race", "801000000000001AAA", time.GetUtcNow());

        var late = handler.HandleAsync(queued, null, Token);
        await state.ClaimHeld.WaitAsync(Token);
        var first = await handler.HandleAsync(queued, null, Token);
        state.ReleaseClaim();
        var second = await late;

        Assert.Equal(TopicResponse.Success, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Equal(1, scheduler.Starts);
        var flag = await state.GetAsync<DateTimeOffset>(OrderQueuedHandler.RerunFlagKey(queued.OrderId), Token);
        Assert.Null(flag);
    }

    /// <summary>
    /// Starts the first instance, then reports it running and rejects further starts, as Dapr Workflow rejects
    /// a second instance with a live id. A duplicate delivery would then set the re-run flag.
    /// </summary>
    private sealed class RunningWorkflowScheduler : IWorkflowScheduler
    {
        private int starts;

        public int Starts => starts;

        public Task<bool> TryStartAsync(
            string workflowName, string instanceId, object? input, CancellationToken cancellationToken = default) =>
            Task.FromResult(Interlocked.CompareExchange(ref starts, 1, 0) == 0);

        public Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult<WorkflowInstanceInfo?>(starts == 0 ? null : new WorkflowInstanceInfo(
                instanceId, nameof(OrderSyncWorkflow), WorkflowInstanceStatus.Running, null, null,
                DateTimeOffset.UnixEpoch, null));
    }
}
