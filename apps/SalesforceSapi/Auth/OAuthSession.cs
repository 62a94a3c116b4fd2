using System.Net.Http.Json;
using System.Text.Json.Serialization;
using DaprSync.SalesforceSapi.Rest;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.Auth;

/// <summary>
/// The integration user's session from the OAuth 2.0 token endpoint, with the grant that
/// <c>Salesforce:AuthFlow</c> selects. Concurrent callers share one token request, and a refresh for a
/// token that was already replaced returns the replacement.
/// </summary>
internal sealed class OAuthSession(
    IHttpClientFactory httpClientFactory,
    ITokenGrant grant,
    IOptions<SalesforceOptions> options,
    ILogger<OAuthSession> logger)
    : ISalesforceSession
{
    public const string HttpClientName = "salesforce-oauth";

    private readonly Lock gate = new();
    private Task<SalesforceSessionInfo>? current;

    public Task<SalesforceSessionInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (current is null || current.IsFaulted || current.IsCanceled)
            {
                current = RequestTokenAsync();
            }

            return current.WaitAsync(cancellationToken);
        }
    }

    public Task<SalesforceSessionInfo> RefreshAsync(
        SalesforceSessionInfo stale,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stale);
        lock (gate)
        {
            var replaced = current is { IsCompletedSuccessfully: true }
                && current.Result.AccessToken != stale.AccessToken;
            var inFlight = current is { IsCompleted: false };
            if (!replaced && !inFlight)
            {
                current = RequestTokenAsync();
            }

            return current!.WaitAsync(cancellationToken);
        }
    }

    // The token request runs without the caller's cancellation token because other callers share it.
    private async Task<SalesforceSessionInfo> RequestTokenAsync()
    {
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        var tokenUrl = new Uri(new Uri(settings.LoginUrl.TrimEnd('/') + "/"), "services/oauth2/token");
        using var form = new FormUrlEncodedContent(grant.CreateForm());

        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(tokenUrl, form, CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new SalesforceUnavailableException($"The Salesforce token request to {tokenUrl} failed.", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response);
                var status = (int)response.StatusCode;
                SalesforceSapiLog.AuthenticationFailed(logger, settings.ClientId, status, error.Error);
                if ((int)response.StatusCode >= 500)
                {
                    throw new SalesforceUnavailableException(
                        $"The Salesforce token endpoint returned HTTP {(int)response.StatusCode}.");
                }

                throw new SalesforceAuthenticationException(error.Error, error.ErrorDescription);
            }

            var token = await response.Content.ReadFromJsonAsync<TokenBody>()
                ?? throw new SalesforceUnavailableException("The Salesforce token response was empty.");
            var session = new SalesforceSessionInfo(
                token.AccessToken, new Uri(token.InstanceUrl), OrgIdOf(token.Id), UserIdOf(token.Id));
            SalesforceSapiLog.Authenticated(logger, settings.ClientId, session.InstanceUrl, session.OrgId);
            return session;
        }
    }

    private static async Task<TokenErrorBody> ReadErrorAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenErrorBody>()
                ?? new TokenErrorBody("unknown_error", "empty body");
        }
        catch (System.Text.Json.JsonException)
        {
            return new TokenErrorBody("unknown_error", $"HTTP {(int)response.StatusCode} without a JSON body");
        }
    }

    /// <summary>Reads the org id from the identity URL, <c>https://host/id/{orgId}/{userId}</c>.</summary>
    private static string OrgIdOf(string identityUrl)
    {
        var segments = new Uri(identityUrl).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? segments[^2] : "";
    }

    /// <summary>Reads the user id from the identity URL, or null when its last segment is not a user id.</summary>
    private static string? UserIdOf(string identityUrl)
    {
        var segments = new Uri(identityUrl).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[^1].StartsWith("005", StringComparison.Ordinal) ? segments[^1] : null;
    }

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("instance_url")] string InstanceUrl,
        [property: JsonPropertyName("id")] string Id);

    private sealed record TokenErrorBody(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string ErrorDescription);
}
