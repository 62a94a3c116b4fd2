using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;

namespace DaprSync.SalesforceEmulator.Rest.Collections;

/// <summary>
/// sObject Collections update, <c>PATCH composite/sobjects</c>: updates up to 200 records, each named by its
/// <c>id</c> and <c>attributes.type</c>, and returns one SaveResult per record in request order. With
/// <c>allOrNone</c> false (the default) each record is saved or rejected on its own.
/// </summary>
internal static class CollectionsUpdateEndpoints
{
    public static RouteGroupBuilder MapCollectionsUpdateApi(this RouteGroupBuilder rest)
    {
        rest.MapPatch("/composite/sobjects", UpdateAsync)
            .WithMetadata(new ApiEndpointName(ApiEndpoints.CollectionsUpdate));
        return rest;
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, CollectionsUpdate update)
    {
        var (body, parseError) = await RequestBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return parseError!;
        }

        if (body["records"] is not JsonArray array || array.Any(node => node is not JsonObject))
        {
            return RestErrors.JsonParserError("The request body must contain a records array of objects.");
        }

        if (array.Count > CollectionsUpsertEndpoints.MaxRecords)
        {
            return RestErrors.Of(StatusCodes.Status400BadRequest, new ApiError(
                $"record limit reached. cannot submit more than {CollectionsUpsertEndpoints.MaxRecords} records "
                    + "into this call",
                "EXCEEDED_ID_LIMIT",
                []));
        }

        var records = array.Select(node => node!.AsObject()).ToList();
        var untyped = records.FindIndex(record => record["attributes"]?["type"] is null);
        if (untyped >= 0)
        {
            var message = $"Record {untyped} has no attributes.type. Every record must name its sObject type.";
            return RestErrors.Of(StatusCodes.Status400BadRequest, new ApiError(message, "INVALID_TYPE", []));
        }

        var allOrNone = body["allOrNone"]?.GetValue<bool>() ?? false;
        return Results.Json(update.Run(records, allOrNone, SObjectEndpoints.AuthorOf(http)));
    }
}
