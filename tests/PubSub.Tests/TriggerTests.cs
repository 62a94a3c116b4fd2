using DaprSync.SalesforceEmulator.PubSub;

namespace DaprSync.PubSub.Tests;

public sealed class TriggerTests
{
    private const string OrderTopic = "/event/Create_NS_Order__e";
    private const string PaymentTopic = "/event/ABT_Payment_and_Refund_Event__e";

    [Fact]
    public async Task OrderTrigger_DraftToActivated_PublishesOnce()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var orderId = emulator.CreateDraftOrder();
        Assert.Empty(emulator.Bus().GetPublished(OrderTopic));

        emulator.Update("Order", orderId, new Dictionary<string, object?> { ["Status"] = "Activated" });
        emulator.Update("Order", orderId, new Dictionary<string, object?> { ["Status"] = "Activated" });
        emulator.Update("Order", orderId, new Dictionary<string, object?> { ["PoNumber"] = "PO-1" });

        var published = Assert.Single(emulator.Bus().GetPublished(OrderTopic));
        Assert.Equal(orderId, published.DecodeFields()["Order_Id__c"]);
    }

    [Fact]
    public async Task OrderTrigger_CreatedActivated_Publishes()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var accountId = emulator.Create("Account", new Dictionary<string, object?> { ["Name"] = "Contoso" });

        var orderId = emulator.Create("Order", new Dictionary<string, object?>
        {
            ["AccountId"] = accountId,
            ["EffectiveDate"] = new DateOnly(2026, 11, 2),
            ["Status"] = "Activated",
        });

        var published = Assert.Single(emulator.Bus().GetPublished(OrderTopic));
        Assert.Equal(orderId, published.DecodeFields()["Order_Id__c"]);
    }

    [Fact]
    public async Task OrderTrigger_IntegrationUser_PublishesNothing()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
        var orderId = emulator.CreateDraftOrder();

        emulator.Update(
            "Order", orderId, new Dictionary<string, object?> { ["Status"] = "Activated" }, byIntegrationUser: true);

        Assert.Empty(emulator.Bus().GetPublished(OrderTopic));
    }

    [Fact]
    public async Task OrderTrigger_QueuedStatusSetting_IsHonoured()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync(
            extraSettings: new Dictionary<string, string?>
            {
                ["SalesforceEmulator:PubSub:OrderQueuedStatus"] = "Draft",
            });

        var orderId = emulator.CreateDraftOrder();

        var published = Assert.Single(emulator.Bus().GetPublished(OrderTopic));
        Assert.Equal(orderId, published.DecodeFields()["Order_Id__c"]);
    }

    [Fact]
    public async Task PaymentTrigger_Insert_PublishesInvoiceAndAccountIds()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();
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
        emulator.Update("Payment__c", paymentId, new Dictionary<string, object?> { ["Amount__c"] = 130m });

        var published = Assert.Single(emulator.Bus().GetPublished(PaymentTopic));
        var fields = published.DecodeFields();
        Assert.Equal(paymentId, fields["Payment_Id__c"]);
        Assert.Equal(125.5, fields["Amount__c"]);
        var daysSinceEpoch = new DateOnly(2026, 11, 20).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        Assert.Equal(daysSinceEpoch, fields["Payment_Date__c"]);
        Assert.Equal("4410", fields["NetSuite_Invoice_Id__c"]);
        Assert.Equal("812", fields["NetSuite_Account_Number__c"]);
    }

    [Fact]
    public async Task PaymentTrigger_NoInvoice_PublishesNullIds()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();

        var paymentId = emulator.Create("Payment__c", new Dictionary<string, object?> { ["Amount__c"] = 10m });

        var fields = Assert.Single(emulator.Bus().GetPublished(PaymentTopic)).DecodeFields();
        Assert.Equal(paymentId, fields["Payment_Id__c"]);
        Assert.Null(fields["NetSuite_Invoice_Id__c"]);
        Assert.Null(fields["NetSuite_Account_Number__c"]);
        Assert.Null(fields["Payment_Date__c"]);
    }

    [Fact]
    public async Task PaymentTrigger_IntegrationUser_PublishesNothing()
    {
        await using var emulator = await PubSubHarness.StartEmulatorAsync();

        emulator.Create("Payment__c", new Dictionary<string, object?> { ["Amount__c"] = 10m }, byIntegrationUser: true);

        Assert.Empty(emulator.Bus().GetPublished(PaymentTopic));
    }
}
