using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// A REST client of the Salesforce emulator that plays the sales team and the data loader: it
/// signs in as the non-integration loader user, so its writes fire the Platform Event triggers.
/// </summary>
public sealed class SalesforceLoader : IDisposable
{
    public const string ApiVersion = "v62.0";

    private const string LoaderClientId = "daprsync-loader";
    private const string LoaderClientSecret = "daprsync-loader-secret";

    private readonly HttpClient _http;

    private SalesforceLoader(HttpClient http) => _http = http;

    /// <summary>Requests a client-credentials token and returns a client bound to the token's <c>instance_url</c>.</summary>
    public static async Task<SalesforceLoader> SignInAsync(Uri loginUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loginUrl);
        using var login = new HttpClient { BaseAddress = loginUrl };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = LoaderClientId,
            ["client_secret"] = LoaderClientSecret,
        });
        using var response = await login.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Salesforce emulator sign-in failed with {(int)response.StatusCode}: {body}");
        }

        using var token = JsonDocument.Parse(body);
        var instanceUrl = token.RootElement.GetProperty("instance_url").GetString()!.TrimEnd('/') + "/";
        var http = new HttpClient { BaseAddress = new Uri(new Uri(instanceUrl), $"services/data/{ApiVersion}/") };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return new SalesforceLoader(http);
    }

    /// <summary>
    /// POSTs one <c>composite/tree</c> request (at most 200 records) and returns the ids by reference id.
    /// Throws <see cref="InvalidDataException"/> with Salesforce's per-record errors when the tree was rejected.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateTreeAsync(
        string sObjectType, JsonArray records, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["records"] = records };
        using var response = await _http.PostAsJsonAsync(
            new Uri($"composite/tree/{sObjectType}", UriKind.Relative), request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var result = JsonNode.Parse(body);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Salesforce returns 404 NOT_FOUND for a tree request for an sObject type the org does not have.
            throw new InvalidPlanException(
                $"the org has no sObject type '{sObjectType}' (composite/tree returned 404: {DescribeErrors(result) ?? body})");
        }

        if (!response.IsSuccessStatusCode || result is not JsonObject || result["hasErrors"]?.GetValue<bool>() != false)
        {
            throw new InvalidDataException(
                $"Salesforce rejected the {sObjectType} records (composite/tree answered {(int)response.StatusCode}): "
                + (DescribeErrors(result) ?? body));
        }

        return result["results"]!.AsArray().ToDictionary(
            item => item!["referenceId"]!.GetValue<string>(),
            item => item!["id"]!.GetValue<string>());
    }

    // Turns the tree's per-record errors into "Ref1: INVALID_FIELD No such column ... (fields: X)". A request
    // Salesforce rejects as a whole, such as one for an unknown sObject (404 NOT_FOUND), has a bare array of
    // errors as its body instead of the tree result object.
    private static string? DescribeErrors(JsonNode? result)
    {
        if (result is JsonArray requestErrors)
        {
            var messages = requestErrors.Select(error => $"{error?["errorCode"]} {error?["message"]}").ToList();
            return messages.Count > 0 ? string.Join("; ", messages) : null;
        }

        var lines = (result as JsonObject)?["results"]?.AsArray()
            .SelectMany(item => (item?["errors"]?.AsArray() ?? []).Select(error =>
                $"{item!["referenceId"]}: {error?["statusCode"]} {error?["message"]}"
                + (error?["fields"] is JsonArray { Count: > 0 } fields ? $" (fields: {string.Join(", ", fields)})" : "")))
            .ToList();
        return lines is { Count: > 0 } ? string.Join("; ", lines) : null;
    }

    /// <summary>Updates fields of one record, as a user editing it would.</summary>
    public async Task UpdateAsync(string sObjectType, string id, JsonObject fields, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(fields);
        using var response = await _http.PatchAsync(new Uri($"sobjects/{sObjectType}/{id}", UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"Update of {sObjectType} {id} failed with {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>
    /// Sets <paramref name="fields"/> on every record in <paramref name="ids"/> with one sObject Collections update
    /// (at most 200 records), as the loader user, so the update triggers fire as for single edits. Throws
    /// <see cref="InvalidDataException"/> naming each record that Salesforce rejected.
    /// </summary>
    public async Task UpdateCollectionAsync(
        string sObjectType, IReadOnlyList<string> ids, JsonObject fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(fields);
        var records = new JsonArray();
        foreach (var id in ids)
        {
            var record = new JsonObject { ["attributes"] = new JsonObject { ["type"] = sObjectType }, ["id"] = id };
            foreach (var (name, value) in fields)
            {
                record[name] = value?.DeepClone();
            }

            records.Add(record);
        }

        var request = new JsonObject { ["allOrNone"] = false, ["records"] = records };
        using var response = await _http.PatchAsJsonAsync(
            new Uri("composite/sobjects", UriKind.Relative), request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidDataException(
                $"Collections update of {ids.Count} {sObjectType} records failed with {(int)response.StatusCode}: {body}");
        }

        var rejected = (JsonNode.Parse(body) as JsonArray ?? [])
            .Select((result, index) => (result, index))
            .Where(pair => pair.result?["success"]?.GetValue<bool>() != true)
            .Select(pair => $"{ids[pair.index]}: {pair.result?["errors"]?.ToJsonString()}")
            .ToList();
        if (rejected.Count > 0)
        {
            throw new InvalidDataException(
                $"Salesforce rejected {rejected.Count} of {ids.Count} {sObjectType} updates: {string.Join("; ", rejected)}");
        }
    }

    public void Dispose() => _http.Dispose();
}
