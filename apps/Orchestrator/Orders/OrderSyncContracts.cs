using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Input of <see cref="OrderSyncWorkflow"/>. <see cref="Retry"/> travels in the input, not in settings the
/// workflow reads, so a replay schedules its activities with the same policy as the first run. A null
/// <see cref="Retry"/> (an input such as an <c>OrderQueuedEvent</c>, which has the same OrderId and EventId
/// fields) gets <see cref="OrderRetrySettings.Default"/>.
/// </summary>
public sealed record OrderSyncInput(string OrderId, string? EventId, OrderRetrySettings? Retry = null, int Run = 1);

/// <summary>Retry policy of every activity of the order workflow, for transient failures only.</summary>
public sealed record OrderRetrySettings(int MaxAttempts, TimeSpan FirstInterval, TimeSpan MaxInterval)
{
    /// <summary>The defaults of <see cref="OrderSyncOptions"/>: 5 attempts, 2 s first wait, 1 min longest wait.</summary>
    public static OrderRetrySettings Default { get; } = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
}

/// <summary>
/// Why an order step cannot succeed on a repeat: a System API rejected the record (HTTP 422 or another 4xx)
/// or the Order cannot be mapped. <see cref="Message"/> names the record and the value, and is what
/// <c>Sync_Error__c</c> receives.
/// </summary>
public sealed record OrderStepFailure(string ErrorCode, string Message, string? Field);

/// <summary>Output of the fetch step: the Order with its items, or why it cannot be read.</summary>
public sealed record FetchOrderResult(SalesforceOrder? Order, OrderStepFailure? Failure);

/// <summary>Input of the customer step: the Order's Account and the NetSuite id it carries, if any.</summary>
public sealed record EnsureCustomerInput(string OrderId, string? AccountId);

/// <summary>Output of the customer step: the Customer's NetSuite internal id, or why there is none.</summary>
public sealed record EnsureCustomerResult(string? CustomerInternalId, OrderStepFailure? Failure);

/// <summary>Input of the Sales Order step: the Order as read and its Customer's NetSuite internal id.</summary>
public sealed record UpsertSalesOrderInput(SalesforceOrder Order, string CustomerInternalId);

/// <summary>Output of the Sales Order step: NetSuite's internal id and number, or why NetSuite rejected it.</summary>
public sealed record UpsertSalesOrderResult(string? InternalId, string? TranId, bool Created, OrderStepFailure? Failure);

/// <summary>Input of the last step, which writes the result back to the Order and records it.</summary>
public sealed record CompleteOrderSyncInput(string OrderId, OrderSyncResult Result);

/// <summary>Output of the last step: whether the Order was queued again while this run worked.</summary>
public sealed record CompleteOrderSyncResult(bool RerunRequested);

/// <summary>Output of <see cref="OrderSyncWorkflow"/>; <see cref="Outcome"/> is <c>Synced</c> or <c>Failed</c>.</summary>
public sealed record OrderSyncResult(
    string OrderId,
    string Outcome,
    string? NetSuiteOrderId,
    string? NetSuiteOrderNumber,
    string? ErrorCode = null,
    string? Message = null,
    string? Field = null)
{
    public static OrderSyncResult Synced(string orderId, string internalId, string? tranId) =>
        new(orderId, SyncStatus.Synced, internalId, tranId);

    public static OrderSyncResult Failed(string orderId, OrderStepFailure failure, string? netSuiteOrderId = null) =>
        new(orderId, SyncStatus.Failed, netSuiteOrderId, null, failure.ErrorCode, failure.Message, failure.Field);
}
