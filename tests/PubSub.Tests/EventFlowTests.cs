using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.SalesforceEmulator.PubSub;

namespace DaprSync.PubSub.Tests;

/// <summary>Record change in the emulator, trigger, Pub/Sub API, subscriber, bus: one path per topic.</summary>
public sealed class EventFlowTests
{
    private const string AccountsTopicName = "/event/AccountsEvent__e";
    private const string OrderTopic = "/event/Create_NS_Order__e";
    private const string PaymentTopic = "/event/ABT_Payment_and_Refund_Event__e";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActivatedOrder_PublishesOneOrderQueuedEvent()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(OrderTopic) == 1, "the order subscription");
        var orderId = emulator.CreateDraftOrder();

        emulator.Update("Order", orderId, new Dictionary<string, object?> { ["Status"] = "Activated" });

        var published = Assert.Single(bus.GetPublished(OrderTopic));
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId(OrderTopic) == Convert.ToBase64String(published.ReplayId), "the replay id");
        var message = Assert.Single(publisher.Messages, candidate => candidate.Topic == Topics.OrderQueued);
        Assert.Equal(published.EventId, message.EventId);
        var evt = Assert.IsType<OrderQueuedEvent>(message.Data);
        Assert.Equal(published.EventId, evt.EventId);
        Assert.Equal(orderId, evt.OrderId);
        Assert.Equal(published.PublishedAt.ToUnixTimeMilliseconds(), evt.CreatedDate.ToUnixTimeMilliseconds());
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task PaymentInsert_PublishesOnePaymentRecordedEvent()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(PaymentTopic) == 1, "the payment subscription");
        var accountId = emulator.Create("Account", new Dictionary<string, object?>
        {
            ["Name"] = "Northwind Traders",
            ["NetSuite_Id__c"] = "812",
        });
        var invoiceId = emulator.Create("Invoice__c", new Dictionary<string, object?>
        {
            ["NetSuite_Id__c"] = "4410",
            ["Account__c"] = accountId,
        }, byIntegrationUser: true);

        var paymentId = emulator.Create("Payment__c", new Dictionary<string, object?>
        {
            ["Amount__c"] = 125.50m,
            ["Payment_Date__c"] = new DateOnly(2026, 11, 20),
            ["Invoice__c"] = invoiceId,
        });

        var published = Assert.Single(bus.GetPublished(PaymentTopic));
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count(IsPayment) == 1, "the payment event");
        var message = Assert.Single(publisher.Messages, IsPayment);
        Assert.Equal(published.EventId, message.EventId);
        var evt = Assert.IsType<PaymentRecordedEvent>(message.Data);
        Assert.Equal(paymentId, evt.PaymentId);
        Assert.Equal(125.50m, evt.Amount);
        Assert.Equal(new DateOnly(2026, 11, 20), evt.PaymentDate);
        Assert.Equal("4410", evt.NetSuiteInvoiceId);
        Assert.Equal("812", evt.NetSuiteAccountNumber);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task MalformedPayment_ReportsFieldAndNextFlows()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        using var host = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => bus.GetSubscriberCount(PaymentTopic) == 1, "the payment subscription");

        var malformed = bus.Publish(PlatformEventSchemas.PaymentAndRefundEvent, new Dictionary<string, object?>
        {
            ["Amount__c"] = 5.0,
        });
        var valid = bus.PublishPaymentEvent(new PaymentEventFields("a03000000000001AAA", 5m, null, "4410", "812"));
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 2, "the problem and the valid event");

        Assert.Equal(Topics.SyncProblem, publisher.Messages[0].Topic);
        var problem = Assert.IsType<SyncProblemEvent>(publisher.Messages[0].Data);
        Assert.Equal("MALFORMED_PLATFORM_EVENT", problem.Code);
        Assert.Equal(malformed.EventId, problem.RecordId);
        Assert.Equal("ABT_Payment_and_Refund_Event__e", problem.RecordType);
        Assert.Contains("Payment_Id__c", problem.Message, StringComparison.Ordinal);
        Assert.Equal(Topics.PaymentRecorded, publisher.Messages[1].Topic);
        Assert.Equal(valid.EventId, publisher.Messages[1].EventId);
        await PubSubHarness.WaitUntilAsync(
            () => state.StoredReplayId(PaymentTopic) == Convert.ToBase64String(valid.ReplayId), "the replay id");
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Restart_ResumesEachTopicFromItsReplayId()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var bus = emulator.Bus();
        var publisher = new RecordingEventPublisher();
        var state = new InMemoryStateStore();
        string[] topics = [AccountsTopicName, OrderTopic, PaymentTopic];

        using (var first = await PubSubHarness.StartSubscriberAsync(
                   emulator, new FakeSalesforceSession(), publisher, state))
        {
            await PubSubHarness.WaitUntilAsync(
                () => topics.All(topic => bus.GetSubscriberCount(topic) == 1), "three subscriptions");
            PublishOneOfEach(bus, 1);
            await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count == 3, "three events before the stop");
            await first.StopAsync(Token);
        }

        await PubSubHarness.WaitUntilAsync(
            () => topics.All(topic => bus.GetSubscriberCount(topic) == 0), "the subscriptions to end");
        PublishOneOfEach(bus, 2);
        PublishOneOfEach(bus, 3);

        using var second = await PubSubHarness.StartSubscriberAsync(
            emulator, new FakeSalesforceSession(), publisher, state);
        await PubSubHarness.WaitUntilAsync(() => publisher.Messages.Count >= 9, "nine events after the restart");
        await Task.Delay(200, Token);

        foreach (var topic in topics)
        {
            var expected = bus.GetPublished(topic).Select(stored => stored.EventId).ToList();
            var seen = publisher.Messages.Where(message => expected.Contains(message.EventId ?? ""));
            Assert.Equal(expected, seen.Select(message => message.EventId ?? "(none)").ToList());
            Assert.Equal(Convert.ToBase64String(bus.GetPublished(topic)[^1].ReplayId), state.StoredReplayId(topic));
        }

        Assert.Equal(9, publisher.Messages.Count);
        await second.StopAsync(Token);
    }

    private static bool IsPayment(PublishedMessage message) => message.Topic == Topics.PaymentRecorded;

    private static void PublishOneOfEach(PlatformEventBus bus, int n)
    {
        bus.PublishAccountsEvent($"00100000000000{n}AAA", "UPDATE");
        bus.PublishCreateNsOrder($"80100000000000{n}AAA");
        bus.PublishPaymentEvent(new PaymentEventFields($"a0300000000000{n}AAA", n, null, null, null));
    }
}
