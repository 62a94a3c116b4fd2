using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>
/// sObject Collections upsert, <c>PATCH composite/sobjects/{type}/{externalIdField}</c>: creates or updates
/// up to 200 records matched by an external id and returns one UpsertResult per record, in request order.
/// With <c>allOrNone</c> false (the default) each record is saved or rejected on its own.
/// </summary>
internal static class CollectionsUpsertEndpoints
{
    public const int MaxRecords = 200;

    public static RouteGroupBuilder MapCollectionsApi(this RouteGroupBuilder rest)
    {
        rest.MapPatch("/composite/sobjects/{type}/{externalIdField}", UpsertAsync)
            .WithMetadata(new ApiEndpointName(ApiEndpoints.CollectionsUpsert));
        return rest;
    }

    private static async Task<IResult> UpsertAsync(
        string type,
        string externalIdField,
        HttpContext http,
        CollectionsUpsert upsert)
    {
        var sObject = SalesforceSchema.Find(type);
        if (sObject is null)
        {
            return RestErrors.NotFound();
        }

        var keyField = sObject.FindField(externalIdField);
        if (keyField is not { ExternalId: true })
        {
            return RestErrors.NotFound(
                $"Provided external ID field does not exist or is not accessible: {externalIdField}");
        }

        var (body, parseError) = await RequestBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return parseError!;
        }

        if (body["records"] is not JsonArray array || array.Any(node => node is not JsonObject))
        {
            return RestErrors.JsonParserError("The request body must contain a records array of objects.");
        }

        // NOTE: the error code is Salesforce's, but the message text of this rejection is from memory.
        if (array.Count > MaxRecords)
        {
            return RestErrors.Of(StatusCodes.Status400BadRequest, new ApiError(
                $"record limit reached. cannot submit more than {MaxRecords} records into this call",
                "EXCEEDED_ID_LIMIT",
                []));
        }

        var records = array.Select(node => node!.AsObject()).ToList();
        // Salesforce requires attributes.type on every record, and only the type of the request URI.
        var wrongType = records.FindIndex(record => !string.Equals(
            record["attributes"]?["type"]?.GetValue<string>(), sObject.Name, StringComparison.OrdinalIgnoreCase));
        if (wrongType >= 0)
        {
            var message = $"Record {wrongType} must have attributes.type {sObject.Name}, as the request URI names.";
            return RestErrors.Of(StatusCodes.Status400BadRequest, new ApiError(message, "INVALID_TYPE", []));
        }

        var allOrNone = body["allOrNone"]?.GetValue<bool>() ?? false;
        var author = SObjectEndpoints.AuthorOf(http);
        return Results.Json(upsert.Run(sObject, keyField, records, allOrNone, author));
    }
}
