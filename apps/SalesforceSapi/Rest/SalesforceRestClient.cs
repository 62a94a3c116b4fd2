using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// Typed client of the Salesforce REST API (<c>/services/data/vNN.0/</c>). Failures surface as
/// <see cref="SalesforceApiException"/> (an error body) or <see cref="SalesforceUnavailableException"/>
/// (timeout, transport error, 5xx or 429).
/// </summary>
public sealed partial class SalesforceRestClient(HttpClient httpClient, IOptions<SalesforceOptions> options)
{
    /// <summary>Reads a record with the listed fields. Returns null when Salesforce returns 404 NOT_FOUND.</summary>
    public async Task<JsonObject?> GetSObjectAsync(
        string sObjectType,
        string id,
        IEnumerable<string> fields,
        CancellationToken cancellationToken = default)
    {
        var path = $"sobjects/{Uri.EscapeDataString(sObjectType)}/{Uri.EscapeDataString(id)}"
            + $"?fields={Uri.EscapeDataString(string.Join(',', fields))}";
        using var request = new HttpRequestMessage(HttpMethod.Get, DataUri(path));
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }

    /// <summary>Updates fields of a record with PATCH. A JSON null clears a field.</summary>
    public async Task UpdateSObjectAsync(
        string sObjectType,
        string id,
        JsonObject fields,
        CancellationToken cancellationToken = default)
    {
        var path = $"sobjects/{Uri.EscapeDataString(sObjectType)}/{Uri.EscapeDataString(id)}";
        using var request = new HttpRequestMessage(HttpMethod.Patch, DataUri(path))
        {
            Content = JsonContent.Create(fields),
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private Uri DataUri(string path) => new($"services/data/v{options.Value.ApiVersion}/{path}", UriKind.Relative);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            var message = $"The Salesforce request {request.Method} {request.RequestUri?.AbsolutePath} failed.";
            throw new SalesforceUnavailableException(message, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"The Salesforce request {request.Method} {request.RequestUri?.AbsolutePath} timed out.";
            throw new SalesforceUnavailableException(message, exception);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SalesforceUnavailableException($"Salesforce returned HTTP {status}.");
        }

        var error = await ReadFirstErrorAsync(response, cancellationToken);
        throw new SalesforceApiException(response.StatusCode, error.ErrorCode, error.Message, error.Fields ?? []);
    }

    private static async Task<RestErrorBody> ReadFirstErrorAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        try
        {
            var errors = await response.Content.ReadFromJsonAsync<List<RestErrorBody>>(cancellationToken);
            if (errors is { Count: > 0 })
            {
                return errors[0];
            }
        }
        catch (JsonException)
        {
            // Fall through: a body that is not Salesforce's error array is reported by status alone.
        }

        return new RestErrorBody("UNKNOWN_ERROR", $"Salesforce returned HTTP {(int)response.StatusCode}.", null);
    }

    private sealed record RestErrorBody(
        [property: JsonPropertyName("errorCode")] string ErrorCode,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields);
}
