using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Polling;
using DaprSync.Standalone.Hosting;

namespace DaprSync.Standalone.Sandbox;

public sealed partial class SandboxRunner
{
    /// <summary>
    /// Ships every synced Sales Order in NetSuite through the emulator's admin API, as the warehouse would, and
    /// runs the fulfilment poller once, as its binding would 11 minutes after the invoice poller.
    /// </summary>
    private async Task<(FlowSummary Flow, PollerRunResult Run)> FulfilAndPollAsync(
        StandaloneHost host, SandboxEmulators emulators, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        var salesOrderIds = (await outcomes.ListAsync(OrderFlow, cancellationToken))
            .Where(outcome => outcome.Outcome == SyncOutcomes.Synced && outcome.NetSuiteId is not null)
            .Select(outcome => outcome.NetSuiteId!)
            .ToList();
        using var http = new HttpClient { BaseAddress = emulators.NetSuite.BaseAddress };
        var fulfilled = 0;
        foreach (var salesOrderId in salesOrderIds)
        {
            using var response = await http.PostAsync(
                new Uri($"admin/billing/sales-orders/{salesOrderId}/fulfil", UriKind.Relative), null, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                fulfilled++;
            }
            else
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Progress($"fulfilling Sales Order {salesOrderId} failed with {(int)response.StatusCode}: {body}");
            }
        }

        Progress($"NetSuite shipped {fulfilled} of the synced Sales Orders");
        var run = await RunPollerAsync(host, PollerApi.FulfilmentPollerBinding, cancellationToken);
        return (new FlowSummary("fulfilment", fulfilled, run.Read, run.Upserted, run.Failed, []), run);
    }
}
