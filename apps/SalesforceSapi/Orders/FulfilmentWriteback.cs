using System.Globalization;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Orders;

/// <summary>
/// <c>POST /orders/fulfilments</c>: writes NetSuite shipping state onto Orders found by their NetSuite order id,
/// with one SOQL query and one sObject Collections update per batch.
/// </summary>
internal static class FulfilmentWriteback
{
    /// <summary>Maximum updates per request, the record limit of one sObject Collections call.</summary>
    public const int MaxBatchSize = SalesforceRestClient.MaxCollectionRecords;

    public static async Task<IResult> UpdateFulfilmentsAsync(
        IReadOnlyList<OrderFulfilmentUpdate>? fulfilments,
        SalesforceRestClient salesforce,
        ILogger<SalesforceRestClient> logger,
        CancellationToken cancellationToken)
    {
        var invalid = Validate(fulfilments);
        if (invalid is not null)
        {
            return invalid;
        }

        if (fulfilments!.Count == 0)
        {
            return TypedResults.Ok(new BatchUpsertResponse(0, 0, []));
        }

        var orderIds = await FindOrdersAsync(salesforce, fulfilments, cancellationToken);
        var plan = FulfilmentPlan.Create(fulfilments, orderIds);
        var saves = plan.Writes.Count == 0
            ? []
            : await salesforce.UpdateAsync(
                "Order", plan.Writes.Select(write => write.Fields).ToList(), cancellationToken);
        var results = plan.Complete(saves);

        foreach (var failed in results.Where(result => !result.Success))
        {
            var error = failed.Errors.FirstOrDefault();
            SalesforceSapiLog.BatchRecordRejected(
                logger, "Order", failed.Key ?? "", error?.StatusCode ?? "", error?.Message ?? "");
        }

        var saved = results.Count(result => result.Success);
        SalesforceSapiLog.FulfilmentsWritten(logger, results.Count, saved, results.Count - saved);
        return TypedResults.Ok(new BatchUpsertResponse(saved, results.Count - saved, results));
    }

    /// <summary>Returns the fields of one Order update. A null carrier leaves the Order's carrier as it is.</summary>
    public static JsonObject FieldsOf(string orderId, OrderFulfilmentUpdate update)
    {
        var tracking = (update.TrackingNumbers ?? [])
            .Where(number => !string.IsNullOrWhiteSpace(number))
            .Select(number => number.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var fields = new JsonObject
        {
            ["Id"] = orderId,
            ["Fulfilment_Status__c"] = update.FulfilmentStatus,
            ["Ship_Date__c"] = update.ShipDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Tracking_Numbers__c"] = tracking.Count == 0 ? null : string.Join(',', tracking),
            ["NetSuite_Fulfilment_Id__c"] = update.FulfilmentNetSuiteId,
        };
        if (update.Carrier is not null)
        {
            fields["Shipping_Carrier__c"] = update.Carrier;
        }

        return fields;
    }

    private static IResult? Validate(IReadOnlyList<OrderFulfilmentUpdate>? fulfilments)
    {
        if (fulfilments is null)
        {
            return BadRequest("The request body is missing; send a JSON array of fulfilment updates.");
        }

        if (fulfilments.Count > MaxBatchSize)
        {
            return BadRequest(
                $"The batch has {fulfilments.Count} fulfilment updates; send at most {MaxBatchSize} per request.");
        }

        var blank = fulfilments.ToList().FindIndex(update => string.IsNullOrWhiteSpace(update?.OrderNetSuiteId));
        return blank < 0
            ? null
            : BadRequest($"Fulfilment update {blank} has no orderNetSuiteId. Set it to the NetSuite Sales Order id.");
    }

    private static async Task<ILookup<string, string>> FindOrdersAsync(
        SalesforceRestClient salesforce,
        IReadOnlyList<OrderFulfilmentUpdate> fulfilments,
        CancellationToken cancellationToken)
    {
        var netSuiteIds = fulfilments
            .Select(update => update.OrderNetSuiteId)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var rows = await salesforce.QueryAsync(
            $"SELECT Id, NetSuite_Order_Id__c FROM Order WHERE NetSuite_Order_Id__c IN {Soql.QuoteList(netSuiteIds)}",
            cancellationToken);

        // SOQL compares text case-insensitively, so the matches are grouped the same way.
        return rows.ToLookup(
            row => row["NetSuite_Order_Id__c"]!.GetValue<string>(),
            row => row["Id"]!.GetValue<string>(),
            StringComparer.OrdinalIgnoreCase);
    }

    private static IResult BadRequest(string detail) => AccountProblems.Problem(
        StatusCodes.Status400BadRequest, "Invalid fulfilment batch", detail, null, []);
}
