using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.SalesforceSapi.Transactions;

namespace DaprSync.SalesforceSapi.Orders;

/// <summary>The order endpoints of <see cref="ISalesforceSapi"/>: read an Order with its items, write back.</summary>
internal static partial class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/orders").AddEndpointFilter<RouteGroupBuilder, AccountProblems>();
        orders.MapGet("/{orderId}", GetOrderAsync);
        orders.MapPatch("/{orderId}/sync", UpdateOrderSyncAsync);
        orders.MapPost("/fulfilments", FulfilmentWriteback.UpdateFulfilmentsAsync);
        return endpoints;
    }

    private static async Task<IResult> GetOrderAsync(
        string orderId,
        SalesforceRestClient salesforce,
        CancellationToken cancellationToken)
    {
        if (!OrderIdPattern().IsMatch(orderId))
        {
            return InvalidId(orderId);
        }

        var rows = await salesforce.QueryAsync(
            $"{OrderFields.SelectFrom} WHERE Id = {Soql.Quote(orderId)}", cancellationToken);
        return rows.Count == 0 ? NotFound(orderId) : TypedResults.Ok(OrderFields.ToOrder(rows[0]));
    }

    private static async Task<IResult> UpdateOrderSyncAsync(
        string orderId,
        OrderSyncUpdate update,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        if (!OrderIdPattern().IsMatch(orderId))
        {
            return InvalidId(orderId);
        }

        if (string.IsNullOrWhiteSpace(update.SyncStatus))
        {
            return SyncWriteback.MissingStatus();
        }

        var fields = SyncWriteback.Fields(update.SyncStatus, update.SyncError);
        if (update.NetSuiteOrderId is not null)
        {
            fields["NetSuite_Order_Id__c"] = update.NetSuiteOrderId;
        }

        if (update.NetSuiteOrderNumber is not null)
        {
            fields["NetSuite_Order_Number__c"] = update.NetSuiteOrderNumber;
        }

        return await SyncWriteback.WriteAsync(
            salesforce, logger, "Order", orderId, fields, update.SyncStatus, cancellationToken);
    }

    private static IResult InvalidId(string orderId) => AccountProblems.Problem(
        StatusCodes.Status400BadRequest,
        "Invalid Order id",
        $"'{orderId}' is not a Salesforce Order id: expected 15 or 18 letters and digits starting with 801.",
        "MALFORMED_ID",
        []);

    private static IResult NotFound(string orderId) => AccountProblems.Problem(
        StatusCodes.Status404NotFound,
        "Order not found",
        $"Salesforce has no Order with id {orderId}.",
        "NOT_FOUND",
        []);

    [GeneratedRegex("^801[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrderIdPattern();
}
