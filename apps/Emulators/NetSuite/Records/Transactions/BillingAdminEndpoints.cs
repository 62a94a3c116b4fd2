namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>Request body of <c>POST /admin/billing/invoices</c>.</summary>
public sealed record BillInvoicesRequest(
    string CustomerId, int Count, decimal Amount, string? CurrencyId, string? SalesOrderId);

/// <summary>Request body of <c>POST /admin/billing/modify</c>.</summary>
public sealed record ModifyTransactionsRequest(IReadOnlyList<string> Ids, string? Memo);

/// <summary>Request body of <c>POST /admin/billing/refunds</c>.</summary>
public sealed record IssueRefundRequest(string CustomerId, decimal Amount, string? Memo, bool CashRefund);

/// <summary>
/// Emulator-only endpoints under <c>/admin/billing</c>, which a real account does not have, so the sandbox and tests
/// can create the invoices and refunds that the NetSuite-to-Salesforce flows read.
/// </summary>
internal static class BillingAdminEndpoints
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
        admin.MapDelete("/transactions/{id}", (string id, TransactionLedger ledger) =>
            ledger.Delete(id) ? Results.NoContent() : Results.NotFound());
        return endpoints;
    }
}
