using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// Admits a request to the admin API when it carries the configured token as <c>Authorization: Bearer</c>
/// or in the <c>dapr-api-token</c> header, which the Dapr sidecar sends when <c>APP_API_TOKEN</c> is set.
/// </summary>
internal sealed class AdminTokenFilter(IOptions<AdminOptions> options, ILogger<AdminTokenFilter> logger) : IEndpointFilter
{
    public const string DaprApiTokenHeader = "dapr-api-token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.Value.EffectiveToken;
        if (expected is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The admin API is disabled",
                detail: "Set Admin:ApiToken (or APP_API_TOKEN under Dapr) to enable it.");
        }

        var request = context.HttpContext.Request;
        var presented = PresentedToken(request);
        if (presented is null || !TokensEqual(presented, expected))
        {
            OperationsLog.AdminRequestRejected(logger, request.Method, request.Path, presented is null ? "missing" : "wrong");
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin token missing or invalid",
                detail: "Send the admin token as 'Authorization: Bearer <token>' or in the dapr-api-token header.");
        }

        return await next(context);
    }

    private static string? PresentedToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var dapr = request.Headers[DaprApiTokenHeader].ToString();
        return dapr.Length > 0 ? dapr : null;
    }

    // Hashing first gives both sides the same length, so the comparison time depends on neither token.
    private static bool TokensEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
