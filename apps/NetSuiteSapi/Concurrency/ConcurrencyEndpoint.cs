namespace DaprSync.NetSuiteSapi.Concurrency;

/// <summary>NetSuite requests of this instance in flight now, and the configured maximum.</summary>
public sealed record ConcurrencyInUse(int InUse, int Limit);

/// <summary>Read endpoint for operators and the orchestrator's status page.</summary>
public static class ConcurrencyEndpoint
{
    /// <summary>Maps <c>GET /concurrency</c>, which reads the request gate and calls no NetSuite API.</summary>
    public static IEndpointRouteBuilder MapConcurrencyInUse(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/concurrency", (NetSuiteRequestGate gate) =>
            TypedResults.Ok(new ConcurrencyInUse(gate.InUse, gate.Limit)));
        return endpoints;
    }
}
