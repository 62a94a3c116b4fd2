using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>Outcome of one record of an sObject Collections update: the record id or its errors.</summary>
public sealed record RecordSaveResult(string? Id, bool Success, IReadOnlyList<SalesforceRecordError> Errors);

public sealed partial class SalesforceRestClient
{
    /// <summary>
    /// Updates records of <paramref name="sObjectType"/>, each named by its <c>Id</c> field, with sObject
    /// Collections (<c>PATCH composite/sobjects</c>), 200 per request and <c>allOrNone</c> false. Returns one
    /// result per record in input order. A rejected record is a failed result, not an exception.
    /// </summary>
    public async Task<IReadOnlyList<RecordSaveResult>> UpdateAsync(
        string sObjectType,
        IReadOnlyList<JsonObject> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sObjectType);
        ArgumentNullException.ThrowIfNull(records);

        var results = new List<RecordSaveResult>(records.Count);
        foreach (var batch in records.Chunk(MaxCollectionRecords))
        {
            var body = new JsonObject
            {
                ["allOrNone"] = false,
                ["records"] = new JsonArray([.. batch.Select(record => WithType(record, sObjectType))]),
            };
            using var request = new HttpRequestMessage(HttpMethod.Patch, DataUri("composite/sobjects"))
            {
                Content = JsonContent.Create(body),
            };
            using var response = await SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            var outcomes = await response.Content.ReadFromJsonAsync<List<SaveResultBody>>(cancellationToken) ?? [];
            if (outcomes.Count != batch.Length)
            {
                throw new SalesforceUnavailableException(
                    $"Salesforce returned {outcomes.Count} save results for {batch.Length} records.");
            }

            results.AddRange(outcomes.Select(outcome => new RecordSaveResult(
                outcome.Id,
                outcome.Success,
                (outcome.Errors ?? [])
                    .Select(error => new SalesforceRecordError(error.StatusCode, error.Message, error.Fields ?? []))
                    .ToList())));
        }

        return results;
    }

    private sealed record SaveResultBody(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("errors")] IReadOnlyList<UpsertErrorBody>? Errors);
}
