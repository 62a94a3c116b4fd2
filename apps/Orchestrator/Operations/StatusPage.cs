using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// The status page at <c>GET /status</c>: a static shell and script. The script prompts for the admin token once,
/// keeps it in sessionStorage and loads the figures from <c>GET /admin/status</c>, so no data leaves the
/// orchestrator without the token.
/// </summary>
public static class StatusPage
{
    public const string Path = "/status";

    // The shell carries no values, and the policy admits only the page's own script file, so markup that
    // slipped into a value could not run a script even if encoding failed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, (HttpContext context, IOptions<AdminOptions> options) =>
            Serve(context, options, StatusPageAssets.Shell, "text/html; charset=utf-8"));
        endpoints.MapGet($"{Path}/app.js", (HttpContext context, IOptions<AdminOptions> options) =>
            Serve(context, options, StatusPageAssets.Script, "text/javascript; charset=utf-8"));
        return endpoints;
    }

    /// <summary>Renders the figures as an HTML fragment, for the page's script (the route is under <c>/admin</c>).</summary>
    public static async Task<IResult> RenderFragmentAsync(
        HttpContext context, StatusPageReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var model = await reader.ReadAsync(cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(StatusPageHtml.Render(model), "text/html; charset=utf-8");
    }

    private static IResult Serve(HttpContext context, IOptions<AdminOptions> options, string body, string contentType)
    {
        if (options.Value.EffectiveToken is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The status page is disabled",
                detail: "Set Admin:ApiToken (or APP_API_TOKEN under Dapr) to enable the admin API and the status page.");
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(body, contentType);
    }
}
