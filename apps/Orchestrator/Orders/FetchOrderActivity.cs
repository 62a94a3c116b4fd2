using System.Net;
using Dapr.Workflow;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using Refit;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Reads the Order with its items through sf-sapi. A missing Order is a permanent failure returned as data;
/// a transient failure throws <see cref="TransientSyncException"/> for the retry policy.
/// </summary>
public sealed class FetchOrderActivity(ISalesforceSapi salesforce) : WorkflowActivity<string, FetchOrderResult>
{
    public override async Task<FetchOrderResult> RunAsync(WorkflowActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(input);

        try
        {
            var order = await SystemApiCall.RunAsync(
                $"Reading Order {input}",
                () => salesforce.GetOrderAsync(input, context.CancellationToken),
                context.CancellationToken);
            return new FetchOrderResult(order, null);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            var failure = new OrderStepFailure(
                OrderErrorCodes.NotFound, $"Order {input} was not found in Salesforce.", null);
            return new FetchOrderResult(null, failure);
        }
        catch (ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            var failure = new OrderStepFailure(
                rejection.ErrorCode,
                $"Order {input}: Salesforce rejected the read with {rejection.ErrorCode}: {rejection.Detail}",
                rejection.Field);
            return new FetchOrderResult(null, failure);
        }
    }
}
