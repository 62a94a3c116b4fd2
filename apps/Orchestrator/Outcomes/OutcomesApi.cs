namespace DaprSync.Orchestrator.Outcomes;

/// <summary>HTTP surface of the sync outcomes, read by the sandbox summary and the tests.</summary>
public static class OutcomesApi
{
    /// <summary>Maps <c>GET /sync/flows/{flow}/outcomes</c>, which lists a flow's outcomes by record id.</summary>
    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet(
            "/sync/flows/{flow}/outcomes",
            async (string flow, SyncOutcomeStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(await store.ListAsync(flow, cancellationToken)));
        return endpoints;
    }
}
