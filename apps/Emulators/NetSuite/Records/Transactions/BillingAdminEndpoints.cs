using System.Text.Json;

namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>Request body of <c>POST /admin/billing/invoices</c>.</summary>
public sealed record BillInvoicesRequest(
    string CustomerId, int Count, decimal Amount, string? CurrencyId, string? SalesOrderId);

/// <summary>Request body of <c>POST /admin/billing/modify</c>.</summary>
public sealed record ModifyTransactionsRequest(IReadOnlyList<string> Ids, string? Memo);

/// <summary>
/// Optional request body of <c>POST /admin/billing/sales-orders/{id}/fulfil</c>: the carrier as a shipping item's
/// name or internal id, and the package tracking numbers.
/// </summary>
public sealed record FulfilSalesOrderRequest(string? Carrier, IReadOnlyList<string>? TrackingNumbers);

/// <summary>Request body of <c>POST /admin/billing/refunds</c>.</summary>
public sealed record IssueRefundRequest(string CustomerId, decimal Amount, string? Memo, bool CashRefund);

/// <summary>
/// Emulator-only endpoints under <c>/admin/billing</c>, which a real account does not have, so the sandbox and tests
/// can create the invoices, refunds, item fulfilments, voids and deletions that the NetSuite-to-Salesforce flows
/// read. Errors are ProblemDetails: 400 for an invalid body, 404 for an unknown id, 409 when NetSuite would reject
/// the change (an order already fully billed, a paid invoice voided).
/// </summary>
internal static partial class BillingAdminEndpoints
{
    public static IEndpointRouteBuilder MapBillingAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/billing");
        admin.MapPost("/invoices", (BillInvoicesRequest request, BillingSimulation billing) =>
            request.Count is < 1 or > 100_000 || string.IsNullOrWhiteSpace(request.CustomerId)
                ? Results.Problem("Count must be 1 to 100000 and customerId must be set.", statusCode: 400)
                : Results.Ok(billing.BillInvoices(request.Count, request.CustomerId, request.Amount,
                    request.CurrencyId ?? "1", request.SalesOrderId)));
        admin.MapPost("/modify", (ModifyTransactionsRequest request, BillingSimulation billing) =>
            Results.Ok(new { modified = billing.ModifyTransactions(request.Ids, request.Memo ?? "Changed") }));
        admin.MapPost("/refunds", (IssueRefundRequest request, BillingSimulation billing) =>
            string.IsNullOrWhiteSpace(request.CustomerId)
                ? Results.Problem("customerId must be set.", statusCode: 400)
                : Results.Ok(billing.IssueRefund(
                    request.CustomerId, request.Amount, request.Memo, request.CashRefund)));
        admin.MapDelete("/transactions/{id}", (string id, SalesOrderBilling billing) =>
            billing.Delete(id) is null ? Results.NotFound() : Results.NoContent());
        admin.MapPost("/transactions/{id}/void",
            (string id, HttpRequest request, BillingSimulation billing, ILogger<SalesOrderBilling> logger) =>
                ToResult(billing.Void(id), request, logger));
        admin.MapPost("/sales-orders/{id}/invoice",
            (string id, HttpRequest request, SalesOrderBilling billing, ILogger<SalesOrderBilling> logger) =>
                ToResult(billing.Invoice(id), request, logger));
        admin.MapPost("/sales-orders/{id}/fulfil", FulfilAsync);
        return endpoints;
    }

    /// <summary>Fulfils a Sales Order. The body is optional, and a POST without one ships with generated tracking
    /// numbers.</summary>
    private static async Task<IResult> FulfilAsync(
        string id,
        HttpRequest request,
        SalesOrderBilling billing,
        ILogger<SalesOrderBilling> logger)
    {
        FulfilSalesOrderRequest? body = null;
        if (request.ContentLength != 0 && request.HasJsonContentType())
        {
            try
            {
                body = await request.ReadFromJsonAsync<FulfilSalesOrderRequest>(request.HttpContext.RequestAborted);
            }
            catch (JsonException error)
            {
                LogRejected(logger, request.Path, StatusCodes.Status400BadRequest, error.Message);
                return Results.Problem("The body is not a valid fulfilment request: " + error.Message,
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return ToResult(billing.Fulfil(id, body?.Carrier, body?.TrackingNumbers), request, logger);
    }

    private static IResult ToResult(BillingOutcome outcome, HttpRequest request, ILogger logger)
    {
        if (outcome.Transaction is { } transaction)
        {
            return Results.Ok(transaction);
        }

        LogRejected(logger, request.Path, outcome.Status, outcome.Detail);
        return Results.Problem(outcome.Detail, statusCode: outcome.Status);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Rejected the admin billing request {Path} with HTTP {Status}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string path, int status, string? detail);
}
