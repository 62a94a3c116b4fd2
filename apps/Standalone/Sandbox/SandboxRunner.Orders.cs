using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.Standalone.Sandbox;

public sealed partial class SandboxRunner
{
    private const string OrderFlow = "order";
    private const string PaymentFlow = "payment";

    // The Salesforce emulator queues an Order for NetSuite when a user sets this status.
    private const string OrderQueuedStatus = "Activated";

    /// <summary>
    /// Queues every Order as a sales user would, by setting its status with sObject Collections updates of 200
    /// records, so the emulator's trigger publishes the order event. Waits until each Order has an outcome, which
    /// the workflow records after its writeback, and counts the Orders that carry their NetSuite id and number.
    /// </summary>
    private async Task<FlowSummary> QueueOrdersAsync(
        SalesforceLoader loader,
        SalesforceRecords records,
        SandboxEmulators emulators,
        SyncOutcomeStore outcomes,
        CancellationToken cancellationToken)
    {
        var orderIds = records.All("Order").Select(order => order.Id).ToList();
        if (orderIds.Count == 0)
        {
            return new FlowSummary(OrderFlow, 0, 0, 0, 0, []);
        }

        // sObject Collections update takes at most 200 records per request.
        var activation = new JsonObject { ["Status"] = OrderQueuedStatus };
        foreach (var chunk in orderIds.Chunk(200))
        {
            await loader.UpdateCollectionAsync("Order", chunk, activation, cancellationToken);
        }

        Progress($"queued {orderIds.Count} orders for NetSuite in {(orderIds.Count + 199) / 200} Collections updates");

        _deadline = _clock.Elapsed + options.SettleTimeout;
        await WaitForOutcomesAsync(outcomes, OrderFlow, "orders", orderIds.Count, cancellationToken);

        var written = orderIds.Count(id => records.Get("Order", id) is { } order
            && order.GetString("NetSuite_Order_Id__c") is not null
            && order.GetString("NetSuite_Order_Number__c") is not null);
        Progress($"{written} orders carry their NetSuite order id and number");
        var salesOrders = emulators.NetSuite.Services.GetRequiredService<SalesOrderStore>().All;
        Progress($"NetSuite holds {salesOrders.Count} Sales Orders with {salesOrders.Sum(order => order.Lines.Count)} lines");
        return await SummarizeFlowAsync(outcomes, OrderFlow, orderIds.Count, cancellationToken);
    }

    /// <summary>
    /// Bills every second synced Sales Order in NetSuite through the emulator's admin API, which invoices the
    /// order's real lines, as accounting would after shipping. Returns the number of invoices.
    /// </summary>
    private async Task<int> BillOrdersAsync(SandboxEmulators emulators, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        var salesOrderIds = (await outcomes.ListAsync(OrderFlow, cancellationToken))
            .Where(outcome => outcome.Outcome == SyncOutcomes.Synced && outcome.NetSuiteId is not null)
            .Where((_, index) => index % 2 == 0)
            .Select(outcome => outcome.NetSuiteId!)
            .ToList();
        using var http = new HttpClient { BaseAddress = emulators.NetSuite.BaseAddress };
        var billed = 0;
        foreach (var salesOrderId in salesOrderIds)
        {
            using var response = await http.PostAsync(
                new Uri($"admin/billing/sales-orders/{salesOrderId}/invoice", UriKind.Relative), null, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                billed++;
            }
            else
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Progress($"billing Sales Order {salesOrderId} failed with {(int)response.StatusCode}: {body}");
            }
        }

        Progress($"NetSuite billed {billed} of the synced Sales Orders");
        return billed;
    }

    /// <summary>
    /// Records a payment in Salesforce for every third invoice that the invoice poller brought over, inserted
    /// through REST as a user would, so the emulator's trigger publishes the payment event. Waits until each
    /// payment has an outcome.
    /// </summary>
    private async Task<FlowSummary> RecordPaymentsAsync(
        SalesforceLoader loader, SalesforceRecords records, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        var invoices = records.All("Invoice__c")
            .Where(invoice => invoice.GetString("NetSuite_Id__c") is not null)
            .Where((_, index) => index % 3 == 0)
            .ToList();
        if (invoices.Count == 0)
        {
            return new FlowSummary(PaymentFlow, 0, 0, 0, 0, []);
        }

        var today = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var payments = invoices.Select((invoice, index) => (JsonNode)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Payment__c", ["referenceId"] = $"Payment{index}" },
            ["Invoice__c"] = invoice.Id,
            ["Amount__c"] = invoice["Amount_Remaining__c"] as decimal? ?? invoice["Total__c"] as decimal? ?? 1m,
            ["Payment_Date__c"] = today,
        }).ToList();

        // composite/tree accepts at most 200 records per request.
        foreach (var chunk in payments.Chunk(200))
        {
            await loader.CreateTreeAsync("Payment__c", new JsonArray(chunk), cancellationToken);
        }

        Progress($"recorded {payments.Count} payments in Salesforce against synced invoices");
        _deadline = _clock.Elapsed + options.SettleTimeout;
        await WaitForOutcomesAsync(outcomes, PaymentFlow, "payments", payments.Count, cancellationToken);
        return await SummarizeFlowAsync(outcomes, PaymentFlow, payments.Count, cancellationToken);
    }

    private async Task<bool> WaitForOutcomesAsync(
        SyncOutcomeStore outcomes, string flow, string noun, int expected, CancellationToken cancellationToken)
    {
        var lastReport = "";
        while (_clock.Elapsed < _deadline)
        {
            var current = await outcomes.ListAsync(flow, cancellationToken);
            var synced = current.Count(o => o.Outcome == SyncOutcomes.Synced);
            var failed = current.Count(o => o.Outcome == SyncOutcomes.Failed);
            var report = $"{noun}: {synced}/{expected} synced, {failed} failed";
            if (report != lastReport)
            {
                Progress(report);
                lastReport = report;
            }

            if (synced + failed >= expected)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        Progress($"the {flow} flow did not settle within {options.SettleTimeout.TotalSeconds:0} s");
        return false;
    }

    private static async Task<FlowSummary> SummarizeFlowAsync(
        SyncOutcomeStore outcomes, string flow, int expected, CancellationToken cancellationToken)
    {
        var current = await outcomes.ListAsync(flow, cancellationToken);
        var failures = current
            .Where(o => o.Outcome == SyncOutcomes.Failed)
            .Select(o => new FlowFailure(o.RecordId, o.ErrorCode, o.Field, o.Message))
            .ToList();
        return new FlowSummary(
            flow, expected, current.Count, current.Count(o => o.Outcome == SyncOutcomes.Synced), failures.Count, failures);
    }
}
