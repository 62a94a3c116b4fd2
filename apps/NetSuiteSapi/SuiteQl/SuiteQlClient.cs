using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DaprSync.NetSuiteSapi.Rest;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// Runs SuiteQL through the REST query service (<c>POST query/v1/suiteql</c>). Requests are signed with TBA,
/// including <c>limit</c> and <c>offset</c>, and retried on 429 and 5xx by the client's resilience handler.
/// </summary>
public sealed partial class SuiteQlClient(HttpClient http, ILogger<SuiteQlClient> logger)
{
    /// <summary>NetSuite's maximum number of rows per SuiteQL page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Runs one page of a query. Throws <see cref="SuiteQlRejectedException"/> for an error response and
    /// <see cref="NetSuiteUnavailableException"/> when NetSuite is unreachable or unavailable.</summary>
    public async Task<SuiteQlPage> QueryPageAsync(
        string query,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        var uri = string.Create(CultureInfo.InvariantCulture, $"query/v1/suiteql?limit={limit}&offset={offset}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new { q = query }),
        };
        request.Headers.Add("Prefer", "transient");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new NetSuiteUnavailableException("the SuiteQL request to NetSuite failed: " + error.Message, error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NetSuiteUnavailableException("the SuiteQL request to NetSuite timed out", error);
        }

        using (response)
        {
            return await ReadPageAsync(response, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a query and follows <c>hasMore</c> with increasing offsets until the last page, for queries whose
    /// result cannot change while they are read (item lookups). Incremental reads use keyset paging instead.
    /// </summary>
    public async Task<IReadOnlyList<Dictionary<string, System.Text.Json.JsonElement>>> QueryAllAsync(
        string query,
        CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, System.Text.Json.JsonElement>>();
        var offset = 0;
        while (true)
        {
            var page = await QueryPageAsync(query, MaxPageSize, offset, cancellationToken);
            items.AddRange(page.Items);
            if (!page.HasMore)
            {
                return items;
            }

            offset += MaxPageSize;
        }
    }

    private async Task<SuiteQlPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            LogUnavailable(logger, status);
            throw new NetSuiteUnavailableException($"NetSuite returned HTTP {status} for the SuiteQL query");
        }

        if (!response.IsSuccessStatusCode)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken);
            var detail = NetSuiteRestError.TryParse(content)?.ErrorDetails?[0];
            LogRejected(logger, status, detail?.ErrorCode, detail?.Detail);
            throw new SuiteQlRejectedException(status, detail?.ErrorCode, detail?.Detail ?? $"HTTP {status}");
        }

        return await response.Content.ReadFromJsonAsync<SuiteQlPage>(cancellationToken)
            ?? throw new NetSuiteUnavailableException("NetSuite returned an empty body for the SuiteQL query");
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "NetSuite stayed unavailable for a SuiteQL query after retries: HTTP {Status}")]
    private static partial void LogUnavailable(ILogger logger, int status);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error,
        Message = "NetSuite rejected a SuiteQL query with HTTP {Status} {ErrorCode}: {Detail}")]
    private static partial void LogRejected(ILogger logger, int status, string? errorCode, string? detail);
}
