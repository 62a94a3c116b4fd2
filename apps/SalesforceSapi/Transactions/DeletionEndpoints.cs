using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Transactions;

/// <summary>
/// The endpoints <c>POST /invoices/deletions</c> and <c>POST /refunds/deletions</c>, which mark the records found by
/// NetSuite id as <c>Deleted</c> with one SOQL query and one sObject Collections update per batch. An upsert would
/// create a bare record for an id that Salesforce never had, so these endpoints update existing records only and
/// report the other ids as skipped.
/// </summary>
internal static partial class DeletionEndpoints
{
    /// <summary>Maximum ids per request, the record limit of one sObject Collections call.</summary>
    public const int MaxBatchSize = SalesforceRestClient.MaxCollectionRecords;

    public const string DeletedStatus = "Deleted";

    public static IEndpointRouteBuilder MapTransactionDeletions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AddEndpointFilter<RouteGroupBuilder, AccountProblems>();
        group.MapPost("/invoices/deletions", MarkInvoicesDeletedAsync);
        group.MapPost("/refunds/deletions", MarkRefundsDeletedAsync);
        return endpoints;
    }

    private static Task<IResult> MarkInvoicesDeletedAsync(
        [FromBody] IReadOnlyList<string>? ids,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken) =>
        MarkDeletedAsync("Invoice__c", ids, salesforce, logger, cancellationToken);

    private static Task<IResult> MarkRefundsDeletedAsync(
        [FromBody] IReadOnlyList<string>? ids,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken) =>
        MarkDeletedAsync("Refund__c", ids, salesforce, logger, cancellationToken);

    private static async Task<IResult> MarkDeletedAsync(
        string sObjectType,
        IReadOnlyList<string>? netSuiteIds,
        SalesforceRestClient salesforce,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var invalid = Validate(netSuiteIds);
        if (invalid is not null)
        {
            return invalid;
        }

        var ids = netSuiteIds!.Select(id => id.Trim()).ToList();
        var existing = ids.Count == 0
            ? new Dictionary<string, string>()
            : await FindAsync(salesforce, sObjectType, ids, cancellationToken);

        // One update per Salesforce record, even when the batch names its NetSuite id twice.
        var targets = ids.Where(existing.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var updates = targets
            .Select(id => new JsonObject { ["Id"] = existing[id], ["Status__c"] = DeletedStatus })
            .ToList();
        var saves = updates.Count == 0 ? [] : await salesforce.UpdateAsync(sObjectType, updates, cancellationToken);
        var saveOf = new Dictionary<string, RecordSaveResult>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < targets.Count; i++)
        {
            saveOf[targets[i]] = saves[i];
        }

        var results = ids.Select((id, index) => saveOf.TryGetValue(id, out var save)
            ? new DeletionMarkResult(index, id, existing[id], save.Success, Skipped: false, save.Errors)
            : new DeletionMarkResult(index, id, Id: null, Success: true, Skipped: true, [])).ToList();
        foreach (var failed in results.Where(result => !result.Success))
        {
            var error = failed.Errors.FirstOrDefault();
            SalesforceSapiLog.BatchRecordRejected(
                logger, sObjectType, failed.NetSuiteId, error?.StatusCode ?? "", error?.Message ?? "");
        }

        var response = new DeletionMarkResponse(
            Updated: results.Count(r => r.Success && !r.Skipped),
            Skipped: results.Count(r => r.Skipped),
            Failed: results.Count(r => !r.Success),
            results);
        DeletionsMarked(logger, sObjectType, results.Count, response.Updated, response.Skipped, response.Failed);
        return TypedResults.Ok(response);
    }

    /// <summary>Returns the Salesforce id of each NetSuite id that has a record, keyed case-insensitively because
    /// SOQL compares text that way.</summary>
    private static async Task<Dictionary<string, string>> FindAsync(
        SalesforceRestClient salesforce,
        string sObjectType,
        IReadOnlyList<string> netSuiteIds,
        CancellationToken cancellationToken)
    {
        var distinct = netSuiteIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = await salesforce.QueryAsync(
            $"SELECT Id, NetSuite_Id__c FROM {sObjectType} WHERE NetSuite_Id__c IN {Soql.QuoteList(distinct)}",
            cancellationToken);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            // NetSuite_Id__c is a unique external id, so each NetSuite id has at most one row.
            found[row["NetSuite_Id__c"]!.GetValue<string>()] = row["Id"]!.GetValue<string>();
        }

        return found;
    }

    private static IResult? Validate(IReadOnlyList<string>? netSuiteIds)
    {
        if (netSuiteIds is null)
        {
            return BadRequest("The request body is missing; send a JSON array of NetSuite internal ids.");
        }

        if (netSuiteIds.Count > MaxBatchSize)
        {
            return BadRequest($"The batch has {netSuiteIds.Count} ids; send at most {MaxBatchSize} per request.");
        }

        var blank = netSuiteIds.ToList().FindIndex(string.IsNullOrWhiteSpace);
        return blank < 0 ? null : BadRequest($"Id {blank} of the batch is empty. Send NetSuite internal ids only.");
    }

    private static IResult BadRequest(string detail) => AccountProblems.Problem(
        StatusCodes.Status400BadRequest, "Invalid deletion batch", detail, null, []);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information,
        Message = "Marked {SObjectType} deleted for {Count} NetSuite ids: {Updated} updated, {Skipped} skipped as "
            + "not in Salesforce, {Failed} failed")]
    private static partial void DeletionsMarked(
        ILogger logger, string sObjectType, int count, int updated, int skipped, int failed);
}
