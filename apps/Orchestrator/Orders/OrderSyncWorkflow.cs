using Dapr.Workflow;
using DaprSync.Contracts.Salesforce;
using Microsoft.Extensions.Logging;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// F2 as a workflow, instance id <c>order-{OrderId}</c>: read the Order, make sure its Customer is in NetSuite,
/// upsert the Sales Order, then write the result back and record it. A permanent failure arrives from an
/// activity as data and ends the run with a failed result. A transient one is an exception, which the retry
/// policy repeats. Every side effect is in an activity, so a replay of this orchestration code is deterministic.
/// </summary>
public sealed class OrderSyncWorkflow : Workflow<OrderSyncInput, OrderSyncResult>
{
    /// <summary>Instance id of the workflow that syncs <paramref name="orderId"/>.</summary>
    public static string InstanceIdFor(string orderId) => $"order-{orderId}";

    public override async Task<OrderSyncResult> RunAsync(WorkflowContext context, OrderSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<OrderSyncWorkflow>();
        var retry = input.Retry ?? OrderRetrySettings.Default;
        var options = new WorkflowTaskOptions(RetryPolicy(retry));
        OrderSyncResult result;
        try
        {
            result = await SyncAsync(context, input.OrderId, options);
        }
        catch (WorkflowTaskFailedException exception)
        {
            // The retries of a transient failure ran out. The Order is marked Failed so that it does not look
            // pending forever; a later re-queue starts a new instance.
            var failure = new OrderStepFailure(
                OrderErrorCodes.RetriesExhausted,
                $"Order {input.OrderId}: a System API kept failing after {retry.MaxAttempts} attempts: "
                + exception.FailureDetails.ErrorMessage,
                null);
            result = OrderSyncResult.Failed(input.OrderId, failure);
        }

        var completion = await context.CallActivityAsync<CompleteOrderSyncResult>(
            nameof(CompleteOrderSyncActivity), new CompleteOrderSyncInput(input.OrderId, result), options);
        logger.OrderWorkflowFinished(input.OrderId, input.Run, result.Outcome, result.NetSuiteOrderId);

        if (completion.RerunRequested)
        {
            // The Order was queued again while this run worked, so the changed Order is synced once more.
            logger.OrderWorkflowContinued(input.OrderId, input.Run + 1);
            context.ContinueAsNew(input with { Run = input.Run + 1 }, preserveUnprocessedEvents: false);
        }

        return result;
    }

    private static async Task<OrderSyncResult> SyncAsync(
        WorkflowContext context,
        string orderId,
        WorkflowTaskOptions options)
    {
        var fetched = await context.CallActivityAsync<FetchOrderResult>(nameof(FetchOrderActivity), orderId, options);
        if (fetched.Order is not { } order)
        {
            return OrderSyncResult.Failed(orderId, fetched.Failure ?? MissingOutput(orderId, "fetch"));
        }

        var customerId = order.AccountNetSuiteId;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            var customer = await context.CallActivityAsync<EnsureCustomerResult>(
                nameof(EnsureCustomerActivity), new EnsureCustomerInput(order.Id, order.AccountId), options);
            if (customer.CustomerInternalId is null)
            {
                return OrderSyncResult.Failed(orderId, customer.Failure ?? MissingOutput(orderId, "customer"));
            }

            customerId = customer.CustomerInternalId;
        }

        var upserted = await context.CallActivityAsync<UpsertSalesOrderResult>(
            nameof(UpsertSalesOrderActivity), new UpsertSalesOrderInput(order, customerId), options);
        return upserted.InternalId is { } internalId
            ? OrderSyncResult.Synced(orderId, internalId, upserted.TranId)
            : OrderSyncResult.Failed(
                orderId, upserted.Failure ?? MissingOutput(orderId, "Sales Order"), order.NetSuiteOrderId);
    }

    private static WorkflowRetryPolicy RetryPolicy(OrderRetrySettings retry) =>
        new(
            maxNumberOfAttempts: retry.MaxAttempts,
            firstRetryInterval: retry.FirstInterval,
            backoffCoefficient: 2,
            maxRetryInterval: retry.MaxInterval);

    // An activity returns either a value or a failure; both null would be a defect, reported as a failure.
    private static OrderStepFailure MissingOutput(string orderId, string step) =>
        new(OrderErrorCodes.InvalidStepOutput, $"Order {orderId}: the {step} step returned no result.", null);
}

/// <summary>Error codes that the order flow itself assigns, next to the codes of Salesforce and NetSuite.</summary>
public static class OrderErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string RequiredFieldMissing = "REQUIRED_FIELD_MISSING";
    public const string UnmappedValue = "UNMAPPED_VALUE";
    public const string CustomerNotSynced = "CUSTOMER_NOT_SYNCED";

    /// <summary>The retry policy gave up on a transient failure.</summary>
    public const string RetriesExhausted = "RETRIES_EXHAUSTED";

    /// <summary>An activity returned neither a value nor a failure.</summary>
    public const string InvalidStepOutput = "INVALID_STEP_OUTPUT";
}
