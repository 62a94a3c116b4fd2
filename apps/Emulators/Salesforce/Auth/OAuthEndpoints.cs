using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using DaprSync.SalesforceEmulator.Limits;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.Auth;

/// <summary>Successful token response of the client credentials and JWT bearer flows.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("instance_url")] string InstanceUrl,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("issued_at")] string IssuedAt);

/// <summary>OAuth error response, as <c>/services/oauth2/token</c> returns it with HTTP 400.</summary>
internal sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>The OAuth 2.0 token endpoint: the client credentials and JWT bearer grants.</summary>
internal static partial class OAuthEndpoints
{
    private const string JwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static IEndpointRouteBuilder MapOAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/services/oauth2/token", IssueTokenAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> IssueTokenAsync(
        HttpRequest request,
        SessionStore sessions,
        ApiUsage usage,
        JwtAssertionVerifier jwtVerifier,
        IOptions<SalesforceEmulatorOptions> options,
        ILogger<SessionStore> logger)
    {
        usage.Record(ApiEndpoints.OAuthToken);
        var form = request.HasFormContentType
            ? await request.ReadFormAsync(request.HttpContext.RequestAborted)
            : FormCollection.Empty;

        if (string.Equals(form["grant_type"], JwtBearerGrantType, StringComparison.Ordinal))
        {
            var audiences = new[] { $"{request.Scheme}://{request.Host}", InstanceUrlOf(request, options.Value) };
            var (jwtClient, error, description) = jwtVerifier.Verify(form["assertion"].ToString(), audiences);
            if (jwtClient is null)
            {
                LogTokenRejected(logger, "(jwt bearer)", error!);
                return Error(error!, description!);
            }

            return IssueToken(request, sessions, options.Value, logger, jwtClient);
        }

        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            return Error("unsupported_grant_type", "grant type not supported");
        }

        var clientId = form["client_id"].ToString();
        var client = sessions.Clients.FirstOrDefault(candidate => candidate.ClientId == clientId);
        if (client is null)
        {
            LogTokenRejected(logger, clientId, "invalid_client_id");
            return Error("invalid_client_id", "client identifier invalid");
        }

        var secret = Encoding.UTF8.GetBytes(form["client_secret"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(secret, Encoding.UTF8.GetBytes(client.ClientSecret)))
        {
            LogTokenRejected(logger, clientId, "invalid_client");
            return Error("invalid_client", "invalid client credentials");
        }

        return IssueToken(request, sessions, options.Value, logger, client);
    }

    private static IResult IssueToken(
        HttpRequest request,
        SessionStore sessions,
        SalesforceEmulatorOptions options,
        ILogger logger,
        EmulatorClient client)
    {
        var clientId = client.ClientId;
        var session = sessions.Issue(client);
        var instanceUrl = InstanceUrlOf(request, options);
        var identityUrl = $"{instanceUrl}/id/{sessions.OrgId}/{session.UserId}";
        var issuedAt = session.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        LogTokenIssued(logger, clientId, session.Username);
        return Results.Json(new TokenResponse(
            session.AccessToken,
            Sign(client.ClientSecret, identityUrl + issuedAt),
            "api",
            instanceUrl,
            identityUrl,
            "Bearer",
            issuedAt));
    }

    private static string InstanceUrlOf(HttpRequest request, SalesforceEmulatorOptions options) =>
        string.IsNullOrEmpty(options.InstanceUrl)
            ? $"{request.Scheme}://{request.Host}"
            : options.InstanceUrl.TrimEnd('/');

    /// <summary>Salesforce signs the identity URL and issued_at with HMAC-SHA256 keyed by the client secret.</summary>
    private static string Sign(string clientSecret, string text) => Convert.ToBase64String(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(text)));

    private static IResult Error(string error, string description) =>
        Results.Json(new TokenError(error, description), statusCode: StatusCodes.Status400BadRequest);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Issued an access token to client {ClientId} for {Username}")]
    private static partial void LogTokenIssued(ILogger logger, string clientId, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a token request from client {ClientId}: {ErrorCode}")]
    private static partial void LogTokenRejected(ILogger logger, string clientId, string errorCode);
}
