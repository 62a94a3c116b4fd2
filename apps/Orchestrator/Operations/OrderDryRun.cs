using System.Net;
using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Orders;
using Refit;

namespace DaprSync.Orchestrator.Operations;

/// <summary>The Sales Order upsert that a sync of the Order would send to ns-sapi, and what the sync would do first.</summary>
public sealed record OrderDryRunResult(string OrderId, SalesOrderUpsertRequest Request, IReadOnlyList<string> Notes);

/// <summary>
/// Reads an Order, maps and validates it as the order workflow does, and returns the upsert without sending it.
/// It writes nothing: no workflow, no NetSuite call, no writeback, no outcome.
/// </summary>
public static class OrderDryRun
{
    /// <summary>Stands in for the customer's internal id when the Account has none yet.</summary>
    public const string PendingCustomerId = "pending-customer-sync";

    public static async Task<IResult> RunAsync(
        string orderId,
        ISalesforceSapi salesforce,
        OrderToSalesOrderMapper mapper,
        CancellationToken cancellationToken)
    {
        SalesforceOrder order;
        try
        {
            order = await salesforce.GetOrderAsync(orderId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Order not found",
                detail: $"Order {orderId} was not found in Salesforce.");
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.BadRequest)
        {
            // sf-sapi rejects an id that is not a Salesforce Order id before it calls Salesforce.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid Order id",
                detail: $"'{orderId}' is not a valid Salesforce Order id, so nothing was read: "
                    + "use the 15 or 18 character id from Salesforce.",
                extensions: new Dictionary<string, object?> { [SyncProblemDetails.Field] = "orderId" });
        }

        var notes = new List<string>();
        var customerId = order.AccountNetSuiteId;
        if (customerId is null)
        {
            customerId = PendingCustomerId;
            notes.Add($"Account {order.AccountId} has no NetSuite id yet: a sync would sync the customer first, "
                + $"and the request's customer would be its internal id in place of {PendingCustomerId}.");
        }

        var (request, failure) = mapper.Map(order, customerId);
        if (failure is not null || request is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Order cannot be mapped",
                detail: failure?.Message ?? $"Order {orderId} produced no Sales Order upsert.",
                extensions: new Dictionary<string, object?>
                {
                    [SyncProblemDetails.ErrorCode] = failure?.ErrorCode,
                    [SyncProblemDetails.Field] = failure?.Field,
                });
        }

        return TypedResults.Ok(new OrderDryRunResult(orderId, request, notes));
    }
}
