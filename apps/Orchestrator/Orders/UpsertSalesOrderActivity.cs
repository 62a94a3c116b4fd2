using Dapr.Workflow;
using DaprSync.Contracts.NetSuite;
using DaprSync.Orchestrator.CustomerSync;
using Refit;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Maps the Order and upserts its Sales Order through ns-sapi: by internal id when the Order already has one,
/// otherwise by external id (the Order id), so a repeat after a crash finds the Sales Order it created. A
/// mapping failure or a 4xx from ns-sapi is returned as data; a transient failure throws for the retry policy.
/// </summary>
public sealed class UpsertSalesOrderActivity(INetSuiteSapi netSuite, OrderToSalesOrderMapper mapper)
    : WorkflowActivity<UpsertSalesOrderInput, UpsertSalesOrderResult>
{
    public override async Task<UpsertSalesOrderResult> RunAsync(
        WorkflowActivityContext context,
        UpsertSalesOrderInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var (request, failure) = mapper.Map(input.Order, input.CustomerInternalId);
        if (request is null)
        {
            return new UpsertSalesOrderResult(null, null, false, failure);
        }

        try
        {
            var upserted = await SystemApiCall.RunAsync(
                $"Upserting the Sales Order of Order {request.ExternalId}",
                () => netSuite.UpsertSalesOrderAsync(request, context.CancellationToken),
                context.CancellationToken);
            return new UpsertSalesOrderResult(upserted.InternalId, upserted.TranId, upserted.Created, null);
        }
        catch (ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            var field = rejection.Field is null ? string.Empty : $" on field {rejection.Field}";
            var message = $"Order {request.ExternalId}: NetSuite rejected the Sales Order{field} "
                + $"with {rejection.ErrorCode}: {rejection.Detail}";
            return new UpsertSalesOrderResult(
                null, null, false, new OrderStepFailure(rejection.ErrorCode, message, rejection.Field));
        }
    }
}
