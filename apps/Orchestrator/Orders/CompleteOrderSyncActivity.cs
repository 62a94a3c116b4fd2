using Dapr.Workflow;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using Microsoft.Extensions.Logging;
using Refit;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// The workflow's last step: writes the result back to the Order (NetSuite id and number with <c>Synced</c>,
/// or <c>Failed</c> with the reason), records the outcome under the <c>order</c> flow, and takes the re-queue
/// flag that the event handler sets while an instance runs.
/// </summary>
public sealed class CompleteOrderSyncActivity(
    ISalesforceSapi salesforce,
    SyncOutcomeStore outcomes,
    IStateStore state,
    ILogger<CompleteOrderSyncActivity> logger)
    : WorkflowActivity<CompleteOrderSyncInput, CompleteOrderSyncResult>
{
    public override async Task<CompleteOrderSyncResult> RunAsync(
        WorkflowActivityContext context,
        CompleteOrderSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var result = await WriteBackAsync(input.Result, context.CancellationToken);
        await outcomes.RecordAsync(OrderQueuedHandler.Flow, ToRecordResult(result), context.CancellationToken);
        if (result.Outcome == SyncStatus.Synced)
        {
            logger.OrderSynced(result.OrderId, result.NetSuiteOrderId, result.NetSuiteOrderNumber);
        }
        else
        {
            logger.OrderSyncFailed(result.OrderId, result.ErrorCode, result.Field, result.Message);
        }

        // NOTE: the flag is deleted before this activity's result is journaled, so a crash in between loses
        // one re-queue. The Order is then synced again only by its next change.
        var flagKey = OrderQueuedHandler.RerunFlagKey(input.OrderId);
        var flag = await state.GetAsync<DateTimeOffset>(flagKey, context.CancellationToken);
        if (flag is not null)
        {
            await state.TryDeleteAsync(flagKey, cancellationToken: context.CancellationToken);
        }

        return new CompleteOrderSyncResult(flag is not null);
    }

    private async Task<OrderSyncResult> WriteBackAsync(OrderSyncResult result, CancellationToken cancellationToken)
    {
        var synced = result.Outcome == SyncStatus.Synced;
        var update = synced
            ? new OrderSyncUpdate(result.NetSuiteOrderId, result.NetSuiteOrderNumber, SyncStatus.Synced, null)
            : new OrderSyncUpdate(null, null, SyncStatus.Failed, result.Message);
        try
        {
            await SystemApiCall.RunAsync(
                $"Writing the sync status back to Order {result.OrderId}",
                () => salesforce.UpdateOrderSyncAsync(result.OrderId, update, cancellationToken),
                cancellationToken);
            return result;
        }
        catch (ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            logger.OrderWritebackRejected(result.OrderId, rejection.ErrorCode, rejection.Detail);
            if (!synced)
            {
                return result;
            }

            // The Sales Order exists but the Order lacks its id; a re-queue upserts by external id again.
            var message = $"Order {result.OrderId}: Sales Order {result.NetSuiteOrderId} was saved in NetSuite, but "
                + $"the writeback to Salesforce was rejected: {rejection.Detail}";
            return result with
            {
                Outcome = SyncStatus.Failed,
                ErrorCode = rejection.ErrorCode,
                Message = message,
                Field = rejection.Field,
            };
        }
    }

    private static RecordResult ToRecordResult(OrderSyncResult result) =>
        new(result.OrderId, result.Outcome, result.NetSuiteOrderId, result.ErrorCode, result.Message, result.Field);
}
