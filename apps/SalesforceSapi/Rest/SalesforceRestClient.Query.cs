using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Rest;

public sealed partial class SalesforceRestClient
{
    /// <summary>
    /// Runs a SOQL query and returns every row, reading the following batches through
    /// <c>nextRecordsUrl</c> until <c>done</c> is true. Build values into the query with <see cref="Soql"/>.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> QueryAsync(string soql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soql);
        var rows = new List<JsonObject>();
        var next = DataUri("query?q=" + Uri.EscapeDataString(soql));
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.TryAddWithoutValidation(
                "Sforce-Query-Options", $"batchSize={options.Value.QueryBatchSize}");
            using var response = await SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                ?? throw new SalesforceUnavailableException("Salesforce returned an empty query result.");
            foreach (var record in page["records"]?.AsArray() ?? [])
            {
                rows.Add(record!.AsObject());
            }

            var nextRecordsUrl = page["nextRecordsUrl"]?.GetValue<string>();
            if (page["done"]?.GetValue<bool>() != false || nextRecordsUrl is null)
            {
                return rows;
            }

            // nextRecordsUrl is a path from the instance root, for example /services/data/v62.0/query/01g...-2000.
            next = new Uri(nextRecordsUrl.TrimStart('/'), UriKind.Relative);
        }
    }
}
