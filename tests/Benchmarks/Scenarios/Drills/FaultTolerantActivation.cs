using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DaprSync.Benchmarks.Hosting;
using DaprSync.Standalone.Sandbox;

namespace DaprSync.Benchmarks.Scenarios.Drills;

/// <summary>Faults that the benchmark's own activation calls drew from the Salesforce emulator, by kind.</summary>
public sealed record ActivationFaults(long ServerErrors, long Throttled, long Timeouts)
{
    public long Total => ServerErrors + Throttled + Timeouts;
}

/// <summary>
/// Activates Orders as a sales user while the Salesforce emulator injects faults, retrying each failed call. The
/// emulator rejects or drops a faulted call before it reaches the record, so a retry never activates an Order
/// twice. The faults these calls draw are counted, so that a scenario can report the apps' share apart.
/// </summary>
public sealed class FaultTolerantActivation
{
    private const int MaxAttempts = 20;

    private long _serverErrors;
    private long _throttled;
    private long _timeouts;

    public ActivationFaults Faults => new(
        Interlocked.Read(ref _serverErrors), Interlocked.Read(ref _throttled), Interlocked.Read(ref _timeouts));

    /// <summary>Activates every Order (16 requests in flight) and returns when each activation succeeded.</summary>
    public async Task<IReadOnlyList<QueuedOrder>> QueueAsync(
        BenchmarkEnvironment environment, IReadOnlyList<string> orderIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(orderIds);
        using var loader = await RetryAsync(
            () => SalesforceLoader.SignInAsync(environment.Emulators.SalesforceRestAddress, cancellationToken),
            "the sales user's sign-in");
        var queued = new ConcurrentBag<QueuedOrder>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(orderIds, parallel, async (orderId, token) =>
        {
            await RetryAsync(
                async () =>
                {
                    await loader.UpdateAsync("Order", orderId, new JsonObject { ["Status"] = "Activated" }, token);
                    return true;
                },
                $"the activation of Order {orderId}");
            queued.Add(new QueuedOrder(orderId, DateTimeOffset.UtcNow));
        });
        return [.. queued];
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> call, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < MaxAttempts && CountFault(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
            catch (Exception exception) when (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"{what} failed {MaxAttempts} times; the last error is attached.", exception);
            }
        }
    }

    // The loader reports an error status in the message of an InvalidOperationException, and an injected hang ends
    // with the emulator dropping the connection. Any other failure is not an injected fault and is not retried.
    private bool CountFault(Exception exception)
    {
        switch (exception)
        {
            case InvalidOperationException when exception.Message.Contains("failed with 429", StringComparison.Ordinal):
                Interlocked.Increment(ref _throttled);
                return true;
            case InvalidOperationException when exception.Message.Contains("failed with 503", StringComparison.Ordinal):
                Interlocked.Increment(ref _serverErrors);
                return true;
            case HttpRequestException or IOException:
                Interlocked.Increment(ref _timeouts);
                return true;
            default:
                return false;
        }
    }
}
