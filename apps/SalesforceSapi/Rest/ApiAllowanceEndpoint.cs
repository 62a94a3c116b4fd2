namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// The org's remaining daily API requests as of the last <c>Sforce-Limit-Info</c> header, and the end of the
/// back-off after <c>REQUEST_LIMIT_EXCEEDED</c> when one is active. <see cref="Remaining"/> is null until the
/// first Salesforce response of this instance.
/// </summary>
public sealed record ApiAllowance(long? Remaining, DateTimeOffset? BackingOffUntil);

/// <summary>Read endpoint for operators and the orchestrator's status page.</summary>
public static class ApiAllowanceEndpoint
{
    /// <summary>Maps <c>GET /limits/api</c>, which reads the monitor only and calls no Salesforce API.</summary>
    public static IEndpointRouteBuilder MapApiAllowance(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/limits/api", (ApiLimitMonitor monitor) =>
            TypedResults.Ok(new ApiAllowance(
                monitor.Remaining,
                monitor.IsBackingOff(out var until) ? until : null)));
        return endpoints;
    }
}
