using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>The <c>customer</c> resource of the REST record API.</summary>
internal static class CustomerEndpoints
{
    public const string ResourcePath = "/customer";

    public static RouteGroupBuilder MapCustomerRecords(this RouteGroupBuilder records)
    {
        records.MapPost(ResourcePath, CreateAsync);
        records.MapGet(ResourcePath + "/eid:{externalId}", GetByExternalId);
        records.MapGet(ResourcePath + "/{id}", GetById);
        records.MapPatch(ResourcePath + "/eid:{externalId}", UpdateByExternalIdAsync);
        records.MapPatch(ResourcePath + "/{id}", UpdateAsync);
        records.MapPut(ResourcePath + "/eid:{externalId}", UpsertAsync);
        return records;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, CustomerWrites writes)
    {
        using var body = await ReadBodyAsync(request);
        return body is null
            ? NetSuiteErrorResults.BadRequest(RecordErrors.InvalidBody())
            : Written(request, writes.Create(body.RootElement, ReplacesAddressBook(request)));
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, CustomerWrites writes)
    {
        using var body = await ReadBodyAsync(request);
        return body is null
            ? NetSuiteErrorResults.BadRequest(RecordErrors.InvalidBody())
            : Written(request, writes.Update(id, body.RootElement, ReplacesAddressBook(request)));
    }

    private static async Task<IResult> UpdateByExternalIdAsync(
        string externalId,
        HttpRequest request,
        CustomerWrites writes)
    {
        using var body = await ReadBodyAsync(request);
        return body is null
            ? NetSuiteErrorResults.BadRequest(RecordErrors.InvalidBody())
            : Written(request, writes.UpdateByExternalId(externalId, body.RootElement, ReplacesAddressBook(request)));
    }

    private static async Task<IResult> UpsertAsync(string externalId, HttpRequest request, CustomerWrites writes)
    {
        using var body = await ReadBodyAsync(request);
        return body is null
            ? NetSuiteErrorResults.BadRequest(RecordErrors.InvalidBody())
            : Written(request, writes.Upsert(externalId, body.RootElement, ReplacesAddressBook(request)));
    }

    private static IResult GetById(string id, HttpRequest request, NetSuiteRecords records) =>
        Found(request, records, records.FindCustomer(id));

    private static IResult GetByExternalId(string externalId, HttpRequest request, NetSuiteRecords records) =>
        Found(request, records, records.FindCustomerByExternalId(externalId));

    private static IResult Found(HttpRequest request, NetSuiteRecords records, NetSuiteCustomer? customer)
    {
        if (customer is null)
        {
            return NetSuiteErrorResults.RecordNotFound();
        }

        var expand = string.Equals(request.Query["expandSubResources"], "true", StringComparison.OrdinalIgnoreCase);
        var selfUrl = RecordUrl(request, customer.Id);
        var json = CustomerRepresentation.ToJson(customer, records.ReferenceData, selfUrl, expand);
        return Results.Text(json.ToJsonString(), "application/vnd.oracle.resource+json; type=singular-resource");
    }

    /// <summary>Returns a successful write as NetSuite does: 204, no body, the record's URL in Location.</summary>
    private static IResult Written(HttpRequest request, CustomerWriteOutcome outcome)
    {
        if (outcome.NotFound)
        {
            return NetSuiteErrorResults.RecordNotFound();
        }

        if (outcome.Error is not null)
        {
            return NetSuiteErrorResults.BadRequest(outcome.Error);
        }

        request.HttpContext.Response.Headers.Location = RecordUrl(request, outcome.Customer!.Id);
        return Results.NoContent();
    }

    private static string RecordUrl(HttpRequest request, string id) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{NetSuiteEmulatorApp.RecordApiPrefix}{ResourcePath}/{id}";

    /// <summary><c>?replace=</c> names the sublists whose lines the body replaces, comma-separated.</summary>
    private static bool ReplacesAddressBook(HttpRequest request) =>
        request.Query["replace"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Contains("addressBook", StringComparer.OrdinalIgnoreCase);

    private static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
