using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>The sObject Rows resources: read, create and update one record.</summary>
internal static class SObjectEndpoints
{
    public static RouteGroupBuilder MapSObjectsApi(this RouteGroupBuilder rest)
    {
        rest.MapGet("/sobjects/{type}/{id}", GetRecord).WithMetadata(new ApiEndpointName(ApiEndpoints.SObjectGet));
        rest.MapPost("/sobjects/{type}", CreateRecordAsync)
            .WithMetadata(new ApiEndpointName(ApiEndpoints.SObjectCreate));
        rest.MapPatch("/sobjects/{type}/{id}", UpdateRecordAsync)
            .WithMetadata(new ApiEndpointName(ApiEndpoints.SObjectUpdate));
        return rest;
    }

    private static IResult GetRecord(string version, string type, string id, string? fields, SalesforceRecords records)
    {
        var sObject = SalesforceSchema.Find(type);
        if (sObject is null)
        {
            return RestErrors.NotFound();
        }

        var canonicalId = SalesforceId.Normalize(id);
        if (canonicalId is null || !canonicalId.StartsWith(sObject.KeyPrefix, StringComparison.Ordinal))
        {
            // Salesforce reads a value that is not an id of this sObject as an external id lookup.
            return RestErrors.NotFound($"Provided external ID field does not exist or is not accessible: {id}");
        }

        var record = records.Get(sObject.Name, canonicalId);
        if (record is null)
        {
            return RestErrors.NotFound();
        }

        var selected = new List<string>();
        const StringSplitOptions splitOptions = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var requested = (fields ?? "").Split(',', splitOptions);
        foreach (var name in requested)
        {
            var field = sObject.FindField(name);
            if (field is null)
            {
                return RestErrors.Of(StatusCodes.Status400BadRequest, new ApiError(
                    $"No such column '{name}' on entity '{sObject.Name}'. If you are attempting to use a custom field, "
                        + "be sure to append the '__c' after the custom field name. Please reference your WSDL or "
                        + "the describe call for the appropriate names.",
                    "INVALID_FIELD",
                    []));
            }

            selected.Add(field.Name);
        }

        return Results.Json(SObjectJson.ToJson(record, version, selected.Count > 0 ? selected : null));
    }

    private static async Task<IResult> CreateRecordAsync(
        string type,
        HttpContext http,
        SalesforceRecords records,
        RecordValidator validator)
    {
        var sObject = SalesforceSchema.Find(type);
        if (sObject is null)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await RequestBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return parseError!;
        }

        var validated = validator.Validate(sObject, body, existing: null);
        if (!validated.IsValid)
        {
            return RestErrors.Of(StatusCodes.Status400BadRequest, validated.Errors);
        }

        var id = records.NewId(sObject);
        var failures = records.Commit([new RecordWrite(sObject, id, IsCreate: true, validated.Values)], AuthorOf(http));
        if (failures.Count > 0)
        {
            return RestErrors.Of(StatusCodes.Status400BadRequest, failures.Values);
        }

        var created = new { id, success = true, errors = Array.Empty<object>() };
        return Results.Json(created, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateRecordAsync(
        string type,
        string id,
        HttpContext http,
        SalesforceRecords records,
        RecordValidator validator)
    {
        var sObject = SalesforceSchema.Find(type);
        var existing = sObject is null ? null : records.Get(sObject.Name, id);
        if (sObject is null || existing is null)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await RequestBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return parseError!;
        }

        var validated = validator.Validate(sObject, body, existing);
        if (!validated.IsValid)
        {
            return RestErrors.Of(StatusCodes.Status400BadRequest, validated.Errors);
        }

        var write = new RecordWrite(sObject, existing.Id, IsCreate: false, validated.Values);
        var failures = records.Commit([write], AuthorOf(http));
        return failures.Count > 0
            ? RestErrors.Of(StatusCodes.Status400BadRequest, failures.Values)
            : Results.NoContent();
    }

    public static RecordAuthor AuthorOf(HttpContext http)
    {
        var session = RestSessionFilter.SessionOf(http);
        return new RecordAuthor(session.UserId, session.IsIntegrationUser);
    }
}
