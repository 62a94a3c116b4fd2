using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.SalesforceSapi.Rest;

public sealed partial class SalesforceRestClient
{
    /// <summary>Maximum number of records of one sObject Collections request.</summary>
    public const int MaxCollectionRecords = 200;

    /// <summary>
    /// Creates or updates records matched by <paramref name="externalIdField"/> with sObject Collections,
    /// 200 per request and <c>allOrNone</c> false, so one bad record does not fail the others. Returns one
    /// result per record in input order. A rejected record is a failed result, not an exception. A request
    /// that Salesforce rejects as a whole raises, and the batches sent before it stay saved.
    /// </summary>
    public async Task<IReadOnlyList<RecordUpsertResult>> UpsertAsync(
        string sObjectType,
        string externalIdField,
        IReadOnlyList<JsonObject> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sObjectType);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalIdField);
        ArgumentNullException.ThrowIfNull(records);

        var path = $"composite/sobjects/{Uri.EscapeDataString(sObjectType)}/{Uri.EscapeDataString(externalIdField)}";
        var results = new List<RecordUpsertResult>(records.Count);
        foreach (var batch in records.Chunk(MaxCollectionRecords))
        {
            var body = new JsonObject
            {
                ["allOrNone"] = false,
                ["records"] = new JsonArray([.. batch.Select(record => WithType(record, sObjectType))]),
            };
            using var request = new HttpRequestMessage(HttpMethod.Patch, DataUri(path))
            {
                Content = JsonContent.Create(body),
            };
            using var response = await SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            var outcomes = await response.Content.ReadFromJsonAsync<List<UpsertResultBody>>(cancellationToken) ?? [];
            if (outcomes.Count != batch.Length)
            {
                throw new SalesforceUnavailableException(
                    $"Salesforce returned {outcomes.Count} upsert results for {batch.Length} records.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                results.Add(ToResult(results.Count, batch[i][externalIdField]?.ToString(), outcomes[i]));
            }
        }

        return results;
    }

    private static JsonObject WithType(JsonObject record, string sObjectType)
    {
        var copy = record.DeepClone().AsObject();
        copy.Remove("attributes");
        copy.Insert(0, "attributes", new JsonObject { ["type"] = sObjectType });
        return copy;
    }

    private static RecordUpsertResult ToResult(int index, string? key, UpsertResultBody outcome) => new(
        index,
        key,
        outcome.Id,
        outcome.Success,
        outcome.Created ?? false,
        (outcome.Errors ?? [])
            .Select(error => new SalesforceRecordError(error.StatusCode, error.Message, error.Fields ?? []))
            .ToList());

    private sealed record UpsertResultBody(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("created")] bool? Created,
        [property: JsonPropertyName("errors")] IReadOnlyList<UpsertErrorBody>? Errors);

    private sealed record UpsertErrorBody(
        [property: JsonPropertyName("statusCode")] string StatusCode,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields);
}
