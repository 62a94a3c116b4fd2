using System.Text.RegularExpressions;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.Limits;

namespace DaprSync.SalesforceEmulator.Rest;

/// <summary>Endpoint metadata naming the counter an endpoint's calls are counted under.</summary>
public sealed record ApiEndpointName(string Name);

/// <summary>
/// Runs before every REST endpoint: checks the API version segment, requires a valid
/// <c>Authorization: Bearer</c> token, counts the call against the daily allowance and adds the
/// <c>Sforce-Limit-Info</c> header.
/// </summary>
internal sealed partial class RestSessionFilter(SessionStore sessions, ApiUsage usage) : IEndpointFilter
{
    private const string SessionItemKey = "DaprSync.SalesforceEmulator.Session";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var version = http.Request.RouteValues["version"] as string;
        if (version is null || !VersionPattern().IsMatch(version))
        {
            return RestErrors.NotFound();
        }

        var session = FindSession(http.Request.Headers.Authorization.ToString());
        if (session is null)
        {
            return RestErrors.InvalidSession();
        }

        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointName>()?.Name ?? http.Request.Path.Value!;
        var allowed = usage.TryRecordRestCall(endpoint, out var used);
        http.Response.Headers["Sforce-Limit-Info"] = $"api-usage={used}/{usage.DailyLimit}";
        if (!allowed)
        {
            return RestErrors.RequestLimitExceeded();
        }

        http.Items[SessionItemKey] = session;
        return await next(context);
    }

    /// <summary>Returns the session that the filter stored for this request.</summary>
    public static EmulatorSession SessionOf(HttpContext http) => (EmulatorSession)http.Items[SessionItemKey]!;

    // Salesforce accepts the access token under the OAuth scheme as well as Bearer.
    private EmulatorSession? FindSession(string authorization)
    {
        var separator = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var scheme = authorization[..separator];
        var isKnownScheme = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("OAuth", StringComparison.OrdinalIgnoreCase);
        var token = authorization[(separator + 1)..].Trim();
        return isKnownScheme && token.Length > 0 ? sessions.Find(token) : null;
    }

    [GeneratedRegex(@"^v\d{2,3}\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
