using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.Benchmarks.Hosting;

/// <summary>
/// A REST client of the Salesforce emulator signed in as the integration user, whose writes publish no
/// Platform Event. Benchmarks use it to create Accounts that already carry their NetSuite id, so that setting
/// up a scenario makes no customer sync calls.
/// </summary>
public sealed class IntegrationClient : IDisposable
{
    private const string ApiVersion = "v62.0";

    // The emulator's built-in integration connected app (sandbox credentials, not secrets).
    private const string ClientId = "daprsync-integration";
    private const string ClientSecret = "daprsync-integration-secret";

    private readonly HttpClient _http;

    private IntegrationClient(HttpClient http) => _http = http;

    public static async Task<IntegrationClient> SignInAsync(Uri loginUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loginUrl);
        using var login = new HttpClient { BaseAddress = loginUrl };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        });
        using var response = await login.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Integration sign-in failed with {(int)response.StatusCode}: {body}");
        }

        using var token = JsonDocument.Parse(body);
        var instanceUrl = token.RootElement.GetProperty("instance_url").GetString()!.TrimEnd('/') + "/";
        var http = new HttpClient { BaseAddress = new Uri(new Uri(instanceUrl), $"services/data/{ApiVersion}/") };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return new IntegrationClient(http);
    }

    /// <summary>
    /// Creates one Account per NetSuite customer id, each with <c>NetSuite_Id__c</c> set, 200 per
    /// <c>composite/tree</c> request, and returns the Account ids by NetSuite id.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateSyncedAccountsAsync(
        IReadOnlyList<string> netSuiteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(netSuiteIds);
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in netSuiteIds.Chunk(200))
        {
            var records = new JsonArray();
            foreach (var netSuiteId in chunk)
            {
                records.Add(new JsonObject
                {
                    ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = $"ns{netSuiteId}" },
                    ["Name"] = $"Benchmark Customer {netSuiteId}",
                    ["BillingCountry"] = "USA",
                    ["NetSuite_Id__c"] = netSuiteId,
                });
            }

            var ids = await CreateTreeAsync("Account", records, cancellationToken);
            foreach (var netSuiteId in chunk)
            {
                accounts[netSuiteId] = ids[$"ns{netSuiteId}"];
            }
        }

        return accounts;
    }

    /// <summary>Posts one <c>composite/tree</c> request and returns the new ids by reference id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateTreeAsync(
        string sObjectType, JsonArray records, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri($"composite/tree/{sObjectType}", UriKind.Relative),
            new JsonObject { ["records"] = records },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var result = JsonNode.Parse(body);
        if (!response.IsSuccessStatusCode || result?["hasErrors"]?.GetValue<bool>() != false)
        {
            throw new InvalidOperationException(
                $"composite/tree of {sObjectType} failed with {(int)response.StatusCode}: {body}");
        }

        return result["results"]!.AsArray().ToDictionary(
            item => item!["referenceId"]!.GetValue<string>(),
            item => item!["id"]!.GetValue<string>());
    }

    public void Dispose() => _http.Dispose();
}
