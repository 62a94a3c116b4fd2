using System.Net;
using System.Text.Json.Nodes;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Notifications;
using DaprSync.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.Standalone.Tests.OrdersFlowSupport;

namespace DaprSync.Standalone.Tests;

/// <summary>
/// Flows F2 and F5 end to end on the in-process runtime: Order and payment in the Salesforce emulator, Platform
/// Events, the order workflow on the in-process runner, both System APIs, and the records in the NetSuite emulator.
/// </summary>
public sealed class OrdersFlowTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventsDeliveredThreeTimes_OneSalesOrderAndOnePayment()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateSyncedAccountAsync(sandbox, loader);
        var orderId = await CreateOrderAsync(sandbox, loader, accountId, ["NW-1", "NW-2"], ["NW-1", "NW-2"]);
        var publisher = sandbox.Host.App(AppIds.SalesforceSapi).Services.GetRequiredService<IEventPublisher>();

        var queued = new OrderQueuedEvent("evt-order-1", orderId, DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++)
        {
            await publisher.PublishAsync(Topics.OrderQueued, queued, queued.EventId, Token);
        }

        var orderOutcome = await WaitForOutcomeAsync(sandbox, "order", orderId);
        Assert.True(await sandbox.Host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(20), Token));
        Assert.Equal(SyncOutcomes.Synced, orderOutcome?.Outcome);
        var salesOrder = Assert.Single(SalesOrders(sandbox).All);
        Assert.Equal(orderId, salesOrder.ExternalId);
        Assert.Equal(2, salesOrder.Lines.Count);
        var order = sandbox.SalesforceRecords.Get("Order", orderId)!;
        Assert.Equal(salesOrder.Id, order.GetString("NetSuite_Order_Id__c"));
        Assert.Equal(salesOrder.TranId, order.GetString("NetSuite_Order_Number__c"));
        Assert.Equal("Synced", order.GetString("Sync_Status__c"));

        // Bill the Sales Order, bring the invoice to Salesforce and pay it.
        var invoice = sandbox.Emulators.NetSuite.Services.GetRequiredService<SalesOrderBilling>().Invoice(salesOrder.Id).Transaction!;
        var invoiceId = (await loader.CreateTreeAsync("Invoice__c",
        [
            new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Invoice__c", ["referenceId"] = "inv" },
                ["NetSuite_Id__c"] = invoice.Id,
                ["Account__c"] = accountId,
            },
        ], Token))["inv"];
        var paymentId = (await loader.CreateTreeAsync("Payment__c",
        [
            new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Payment__c", ["referenceId"] = "pay" },
                ["Invoice__c"] = invoiceId,
                ["Amount__c"] = 20,
                ["Payment_Date__c"] = "2026-01-06",
            },
        ], Token))["pay"];
        var customerId = sandbox.SalesforceRecords.Get("Account", accountId)!.GetString("NetSuite_Id__c");
        var recorded = new PaymentRecordedEvent(
            "evt-payment-1", paymentId, 20m, customerId, invoice.Id, new DateOnly(2026, 1, 6), DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++)
        {
            await publisher.PublishAsync(Topics.PaymentRecorded, recorded, recorded.EventId, Token);
        }

        var paymentOutcome = await WaitForOutcomeAsync(sandbox, "payment", paymentId);
        Assert.True(await sandbox.Host.Runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(20), Token));
        Assert.Equal(SyncOutcomes.Synced, paymentOutcome?.Outcome);
        var payment = Assert.Single(Payments(sandbox).Payments);
        Assert.Equal(paymentId, payment.ExternalId);
        Assert.Equal(invoice.Id, Assert.Single(payment.Applications).DocId);
        Assert.Equal(payment.Id, sandbox.SalesforceRecords.Get("Payment__c", paymentId)!.GetString("NetSuite_Payment_Id__c"));
        Assert.Single(SalesOrders(sandbox).All);
    }

    [Fact]
    public async Task UnknownSku_FailsThatOrderAndDigestNamesSku()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseTls"] = "false",
            ["Smtp:Recipients:default:0"] = "ops@example.com",
        });
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateSyncedAccountAsync(sandbox, loader);
        var good = await CreateOrderAsync(sandbox, loader, accountId, ["NW-GOOD"], ["NW-GOOD"]);
        var bad = await CreateOrderAsync(sandbox, loader, accountId, ["NW-GOOD", "NW-GHOST"], []);

        await ActivateAsync(loader, good);
        await ActivateAsync(loader, bad);
        var goodOutcome = await WaitForOutcomeAsync(sandbox, "order", good);
        var badOutcome = await WaitForOutcomeAsync(sandbox, "order", bad);

        Assert.Equal(SyncOutcomes.Synced, goodOutcome?.Outcome);
        Assert.Equal(SyncOutcomes.Failed, badOutcome?.Outcome);
        var order = sandbox.SalesforceRecords.Get("Order", bad)!;
        Assert.Equal("Failed", order.GetString("Sync_Status__c"));
        Assert.Contains("NW-GHOST", order.GetString("Sync_Error__c"), StringComparison.Ordinal);
        Assert.Null(order.GetString("NetSuite_Order_Id__c"));
        Assert.Equal(good, Assert.Single(SalesOrders(sandbox).All).ExternalId);

        var digest = sandbox.Host.App(AppIds.Orchestrator).Services.GetRequiredService<DigestSender>();
        var listed = await digest.SendNowAsync(Token);

        Assert.Equal(bad, Assert.Single(listed).RecordId);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains(bad, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("NW-GHOST", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStoppedBeforeWriteback_ResumesWithoutSecondSalesOrder()
    {
        var blocker = new OrderWritebackBlocker();

        // Fast retries keep the instance retrying the writeback while it is blocked, until the host stops.
        await using var sandbox = await SandboxFixture.StartAsync(
            new Dictionary<string, string?>
            {
                ["OrderSync:MaxAttempts"] = "100",
                ["OrderSync:FirstRetryInterval"] = "00:00:00.100",
                ["OrderSync:MaxRetryInterval"] = "00:00:00.200",
            },
            configureEach: builder => builder.Services.ConfigureHttpClientDefaults(
                client => client.AddHttpMessageHandler(() => blocker.CreateHandler())));
        using var loader = await sandbox.SignInAsLoaderAsync();
        var accountId = await CreateSyncedAccountAsync(sandbox, loader);
        var orderId = await CreateOrderAsync(sandbox, loader, accountId, ["NW-1"], ["NW-1"]);

        blocker.Enabled = true;
        await ActivateAsync(loader, orderId);
        await SandboxFixture.WaitUntilAsync(() => SalesOrders(sandbox).All.Count == 1, TimeSpan.FromSeconds(20));
        await SandboxFixture.WaitUntilAsync(() => blocker.Blocked > 0, TimeSpan.FromSeconds(20));

        // The host goes down after the Sales Order exists in NetSuite and before the writeback landed.
        await sandbox.StopHostAsync();
        Assert.Null(sandbox.SalesforceRecords.Get("Order", orderId)!.GetString("NetSuite_Order_Id__c"));
        blocker.Enabled = false;
        await sandbox.StartHostAsync();

        await SandboxFixture.WaitUntilAsync(
            () => sandbox.SalesforceRecords.Get("Order", orderId)!.GetString("NetSuite_Order_Id__c") is not null,
            TimeSpan.FromSeconds(30));
        var salesOrder = Assert.Single(SalesOrders(sandbox).All);
        Assert.Equal(salesOrder.Id, sandbox.SalesforceRecords.Get("Order", orderId)!.GetString("NetSuite_Order_Id__c"));
    }

    /// <summary>Fails the orchestrator's Order writeback to sf-sapi with 503 while enabled.</summary>
    private sealed class OrderWritebackBlocker
    {
        private int blocked;

        public bool Enabled { get; set; }

        public int Blocked => blocked;

        public DelegatingHandler CreateHandler() => new Handler(this);

        private sealed class Handler(OrderWritebackBlocker owner) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var path = request.RequestUri!.AbsolutePath;
                if (owner.Enabled && request.Method == HttpMethod.Patch
                    && path.StartsWith("/orders/", StringComparison.Ordinal) && path.EndsWith("/sync", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref owner.blocked);
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
                }

                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
