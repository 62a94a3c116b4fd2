using DaprSync.Orchestrator.CustomerSync;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// Converts a System API failure into the poller's. A transient one is retried inside the run and, if it
/// persists, keeps the watermark. A rejection (4xx) is permanent and is not retried.
/// </summary>
internal static class Transient
{
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await SystemApiCall.RunAsync(operation, call, cancellationToken);
        }
        catch (TransientSyncException exception)
        {
            throw new TransientPollerException(exception.Message, exception);
        }
        catch (Refit.ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            throw new TransientPollerException(
                $"{operation} was rejected with HTTP {(int)exception.StatusCode} {rejection.ErrorCode}: {rejection.Detail}",
                exception,
                permanent: true);
        }
    }
}
