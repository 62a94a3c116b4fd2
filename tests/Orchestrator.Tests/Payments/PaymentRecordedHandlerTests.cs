using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Payments;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Orchestrator.Tests.Orders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests.Payments;

public sealed class PaymentRecordedHandlerTests
{
    private const string PaymentId = "a02000000000001AAA";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly OrderNetSuiteFake netSuite = new();
    private readonly OrderSalesforceFake salesforce = new();
    private readonly InMemoryStateStore state;
    private readonly SyncOutcomeStore outcomes;
    private readonly PaymentRecordedHandler handler;

    public PaymentRecordedHandlerTests()
    {
        state = new InMemoryStateStore(time);
        outcomes = new SyncOutcomeStore(state, time, NullLogger<SyncOutcomeStore>.Instance);
        handler = new PaymentRecordedHandler(
            netSuite, salesforce, outcomes, state, Options.Create(new PaymentSyncOptions()), time,
            NullLogger<PaymentRecordedHandler>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_NewPayment_UpsertsAndWritesBack()
    {
        var response = await handler.HandleAsync(Event(), null, Token);

        Assert.Equal(TopicResponse.Success, response);
        var request = Assert.Single(netSuite.PaymentUpserts);
        Assert.Equal(PaymentId, request.ExternalId);
        Assert.Equal("3001", request.CustomerId);
        Assert.Equal("9001", request.InvoiceId);
        Assert.Equal(250m, request.Amount);
        Assert.Equal(new DateOnly(2026, 1, 5), request.PaymentDate);
        var (paymentId, update) = Assert.Single(salesforce.PaymentWritebacks);
        Assert.Equal(PaymentId, paymentId);
        Assert.Equal("Synced", update.SyncStatus);
        Assert.NotNull(update.NetSuitePaymentId);
        var outcome = Assert.Single(await outcomes.ListAsync("payment", Token));
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
        Assert.Equal(update.NetSuitePaymentId, outcome.NetSuiteId);
    }

    [Fact]
    public async Task HandleAsync_SameEventThreeTimes_OnePayment()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TopicResponse.Success, await handler.HandleAsync(Event(), null, Token));
        }

        Assert.Single(netSuite.PaymentUpserts);
        Assert.Equal(1, netSuite.PaymentCount);
    }

    [Fact]
    public async Task HandleAsync_TwoEventsSamePayment_OnePayment()
    {
        await handler.HandleAsync(Event("event-1"), null, Token);
        await handler.HandleAsync(Event("event-2"), null, Token);

        Assert.Equal(2, netSuite.PaymentUpserts.Count);
        Assert.Equal(1, netSuite.PaymentCount);
    }

    [Fact]
    public async Task HandleAsync_InvoiceAlreadyPaid_WritesFailedWithCode()
    {
        netSuite.PaymentFailures.Enqueue(await OrderFlowHarness.RejectionAsync(
            "INVALID_FLD_VALUE", "apply", "Invoice 9001 has no amount remaining."));

        var response = await handler.HandleAsync(Event(), null, Token);

        Assert.Equal(TopicResponse.Success, response);
        var (_, update) = Assert.Single(salesforce.PaymentWritebacks);
        Assert.Equal("Failed", update.SyncStatus);
        Assert.Null(update.NetSuitePaymentId);
        Assert.Contains("INVALID_FLD_VALUE", update.SyncError, StringComparison.Ordinal);
        Assert.Contains("no amount remaining", update.SyncError, StringComparison.Ordinal);
        var outcome = Assert.Single(await outcomes.ListAsync("payment", Token));
        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.Equal("INVALID_FLD_VALUE", outcome.ErrorCode);
    }

    [Fact]
    public async Task HandleAsync_ServiceUnavailable_AsksForRetry()
    {
        netSuite.PaymentFailures.Enqueue(await OrderFlowHarness.ServiceUnavailableAsync());

        var first = await handler.HandleAsync(Event(), null, Token);
        var second = await handler.HandleAsync(Event(), null, Token);

        Assert.Equal(TopicResponse.Retry, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Equal(1, netSuite.PaymentCount);
        Assert.Single(salesforce.PaymentWritebacks);
        Assert.Equal(1, Assert.Single(await outcomes.ListAsync("payment", Token)).Attempts);
    }

    [Fact]
    public async Task HandleAsync_WritebackUnavailable_AsksForRetryWithoutSecondPayment()
    {
        salesforce.PaymentWritebackFailures.Enqueue(await OrderFlowHarness.ServiceUnavailableAsync());

        var first = await handler.HandleAsync(Event(), null, Token);
        var second = await handler.HandleAsync(Event(), null, Token);

        Assert.Equal(TopicResponse.Retry, first);
        Assert.Equal(TopicResponse.Success, second);
        Assert.Equal(1, netSuite.PaymentCount);
        Assert.Equal("Synced", Assert.Single(salesforce.PaymentWritebacks).Update.SyncStatus);
    }

    [Fact]
    public async Task HandleAsync_InvoiceNotInNetSuite_FailsWithoutCallingNetSuite()
    {
        var response = await handler.HandleAsync(Event() with { NetSuiteInvoiceId = null }, null, Token);

        Assert.Equal(TopicResponse.Success, response);
        Assert.Empty(netSuite.PaymentUpserts);
        var outcome = Assert.Single(await outcomes.ListAsync("payment", Token));
        Assert.Equal("NetSuite_Invoice_Id__c", outcome.Field);
        Assert.Equal("Failed", Assert.Single(salesforce.PaymentWritebacks).Update.SyncStatus);
    }

    [Fact]
    public async Task HandleAsync_MissingPaymentId_DropsAndRecords()
    {
        var response = await handler.HandleAsync(Event() with { PaymentId = "" }, null, Token);

        Assert.Equal(TopicResponse.Drop, response);
        Assert.Empty(netSuite.PaymentUpserts);
        var outcome = Assert.Single(await outcomes.ListAsync("payment", Token));
        Assert.Equal("MALFORMED_EVENT", outcome.ErrorCode);
        Assert.Equal("event:event-1", outcome.RecordId);
    }

    [Fact]
    public async Task HandleAsync_NoBody_DropsUnderCloudEventId()
    {
        var response = await handler.HandleAsync(null, "cloud-7", Token);

        Assert.Equal(TopicResponse.Drop, response);
        Assert.Equal("event:cloud-7", Assert.Single(await outcomes.ListAsync("payment", Token)).RecordId);
    }

    private PaymentRecordedEvent Event(string eventId = "event-1") =>
        new(eventId, PaymentId, 250m, "3001", "9001", new DateOnly(2026, 1, 5), time.GetUtcNow());
}
