using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Transactions;

/// <summary>
/// Invoice and refund batch upserts keyed by NetSuite id, and the payment writeback. Lookups to Account and
/// Order go by their NetSuite ids, so callers need no Salesforce ids.
/// </summary>
internal static partial class TransactionEndpoints
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AddEndpointFilter<RouteGroupBuilder, AccountProblems>();
        group.MapPost("/invoices/upsert", UpsertInvoicesAsync);
        group.MapPost("/refunds/upsert", UpsertRefundsAsync);
        group.MapPatch("/payments/{paymentId}/sync", UpdatePaymentSyncAsync);
        return endpoints;
    }

    private static Task<IResult> UpsertInvoicesAsync(
        IReadOnlyList<InvoiceUpsert> invoices,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        var records = invoices.Select(invoice => new JsonObject
        {
            ["NetSuite_Id__c"] = invoice.NetSuiteId,
            ["Name"] = invoice.InvoiceNumber,
            ["Invoice_Number__c"] = invoice.InvoiceNumber,
            ["Account__r"] = Lookup("NetSuite_Id__c", invoice.AccountNetSuiteId),
            ["Order__r"] = Lookup("NetSuite_Order_Id__c", invoice.OrderNetSuiteId),
            ["Invoice_Date__c"] = Date(invoice.InvoiceDate),
            ["Due_Date__c"] = Date(invoice.DueDate),
            ["Status__c"] = invoice.Status,
            ["Total__c"] = invoice.Total,
            ["Amount_Remaining__c"] = invoice.AmountRemaining,
            ["Currency__c"] = invoice.Currency,
        });
        return UpsertAsync(salesforce, logger, "Invoice__c", records, cancellationToken);
    }

    private static Task<IResult> UpsertRefundsAsync(
        IReadOnlyList<RefundUpsert> refunds,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        var records = refunds.Select(refund => new JsonObject
        {
            ["NetSuite_Id__c"] = refund.NetSuiteId,
            ["Name"] = refund.RefundNumber,
            ["Refund_Number__c"] = refund.RefundNumber,
            ["Account__r"] = Lookup("NetSuite_Id__c", refund.AccountNetSuiteId),
            ["Refund_Date__c"] = Date(refund.RefundDate),
            ["Amount__c"] = refund.Amount,
            ["Status__c"] = refund.Status,
            ["Memo__c"] = refund.Memo,
        });
        return UpsertAsync(salesforce, logger, "Refund__c", records, cancellationToken);
    }

    private static async Task<IResult> UpdatePaymentSyncAsync(
        string paymentId,
        PaymentSyncUpdate update,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        if (!PaymentIdPattern().IsMatch(paymentId))
        {
            return AccountProblems.Problem(
                StatusCodes.Status400BadRequest,
                "Invalid Payment__c id",
                $"'{paymentId}' is not a Payment__c id: expected 15 or 18 letters and digits starting with a03.",
                "MALFORMED_ID",
                []);
        }

        if (string.IsNullOrWhiteSpace(update.SyncStatus))
        {
            return SyncWriteback.MissingStatus();
        }

        var fields = SyncWriteback.Fields(update.SyncStatus, update.SyncError);
        if (update.NetSuitePaymentId is not null)
        {
            fields["NetSuite_Payment_Id__c"] = update.NetSuitePaymentId;
        }

        return await SyncWriteback.WriteAsync(
            salesforce, logger, "Payment__c", paymentId, fields, update.SyncStatus, cancellationToken);
    }

    private static async Task<IResult> UpsertAsync(
        SalesforceRestClient salesforce,
        ILogger logger,
        string sObjectType,
        IEnumerable<JsonObject> records,
        CancellationToken cancellationToken)
    {
        // Null values are left out, so an upsert never clears a field that NetSuite did not send.
        var bodies = records.Select(WithoutNulls).ToList();
        var results = await salesforce.UpsertAsync(sObjectType, "NetSuite_Id__c", bodies, cancellationToken);
        foreach (var failed in results.Where(result => !result.Success))
        {
            var error = failed.Errors.FirstOrDefault();
            SalesforceSapiLog.BatchRecordRejected(
                logger, sObjectType, failed.Key ?? "", error?.StatusCode ?? "", error?.Message ?? "");
        }

        var saved = results.Count(result => result.Success);
        var failedCount = results.Count - saved;
        SalesforceSapiLog.BatchUpserted(logger, sObjectType, "NetSuite_Id__c", results.Count, saved, failedCount);
        return TypedResults.Ok(new BatchUpsertResponse(saved, failedCount, results));
    }

    private static JsonObject WithoutNulls(JsonObject record)
    {
        foreach (var name in record.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            record.Remove(name);
        }

        return record;
    }

    private static JsonObject? Lookup(string externalIdField, string? value) =>
        value is null ? null : new JsonObject { [externalIdField] = value };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^a03[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentIdPattern();
}
