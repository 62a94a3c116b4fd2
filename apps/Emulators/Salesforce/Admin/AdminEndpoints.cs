using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.Limits;

namespace DaprSync.SalesforceEmulator.Admin;

/// <summary>
/// Emulator-only endpoints under <c>/admin</c>, which a real org does not have: expire sessions to test
/// re-authentication, read or reset the API call counters, and use up the daily API allowance.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");
        admin.MapPost("/sessions/expire", (SessionStore sessions) =>
            TypedResults.Ok(new { expired = sessions.ExpireAll() }));
        admin.MapGet("/api-usage", (ApiUsage usage) => TypedResults.Ok(new
        {
            dailyUsed = usage.DailyUsed,
            dailyLimit = usage.DailyLimit,
            endpoints = usage.Snapshot(),
        }));
        admin.MapPost("/api-usage/exhaust", (ApiUsage usage) =>
        {
            usage.Exhaust();
            return TypedResults.NoContent();
        });
        admin.MapDelete("/api-usage", (ApiUsage usage) =>
        {
            usage.Reset();
            return TypedResults.NoContent();
        });
        return endpoints;
    }
}
