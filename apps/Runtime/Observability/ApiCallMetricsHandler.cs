namespace DaprSync.Runtime.Observability;

/// <summary>
/// Counts every request a client sends to an external system in <see cref="DaprSyncMetrics"/>, and a retry
/// when the same request message comes through again. Add it as the innermost handler, after any retry
/// handler, so that it receives each attempt. Without metrics it only passes requests on.
/// </summary>
public sealed class ApiCallMetricsHandler(DaprSyncMetrics? metrics, string system) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("DaprSync.Attempt");

    /// <summary>Creates the handler with the container's metrics, when the app registered them.</summary>
    public static ApiCallMetricsHandler Create(IServiceProvider services, string system)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new ApiCallMetricsHandler(
            (DaprSyncMetrics?)services.GetService(typeof(DaprSyncMetrics)), system);
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (metrics is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var endpoint = EndpointName.Of(request);
        var attempt = request.Options.TryGetValue(AttemptKey, out var previous) ? previous + 1 : 1;
        request.Options.Set(AttemptKey, attempt);
        if (attempt > 1)
        {
            metrics.RecordRetry(system, endpoint);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.RecordApiCall(system, endpoint, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.RecordApiCall(system, endpoint, null);
            throw;
        }
    }
}
