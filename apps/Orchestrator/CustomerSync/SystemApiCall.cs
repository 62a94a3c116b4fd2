using Refit;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>Runs a System API call and raises its transient failures as <see cref="TransientSyncException"/>.</summary>
internal static class SystemApiCall
{
    /// <summary>
    /// Awaits <paramref name="call"/>. A 4xx <see cref="ApiException"/> other than 408 and 429 passes
    /// through for the caller to read as a rejection; cancellation by <paramref name="cancellationToken"/>
    /// passes through unchanged.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        string operation,
        Func<Task<T>> call,
        CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException exception) when (SystemApiFailure.IsTransient(exception.StatusCode))
        {
            throw new TransientSyncException(
                $"{operation} failed with HTTP {(int)exception.StatusCode}.", exception);
        }
        catch (ApiRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientSyncException(
                $"{operation} failed before a response arrived: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new TransientSyncException(
                $"{operation} failed before a response arrived: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation that the caller did not request.
            throw new TransientSyncException($"{operation} timed out.", exception);
        }
    }

    public static Task RunAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            operation,
            async () =>
            {
                await call();
                return true;
            },
            cancellationToken);
}
