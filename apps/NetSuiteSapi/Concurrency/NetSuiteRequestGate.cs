using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Concurrency;

/// <summary>
/// The one semaphore that every NetSuite client of this process (REST record API, SuiteQL, SOAP) waits on, so
/// together they never have more than <see cref="NetSuiteConcurrencyOptions.MaxConcurrentRequests"/> requests in
/// flight.
/// </summary>
public sealed class NetSuiteRequestGate(IOptions<NetSuiteConcurrencyOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots =
        new(options.Value.MaxConcurrentRequests, options.Value.MaxConcurrentRequests);

    /// <summary>Maximum requests in flight (<c>NetSuite:MaxConcurrentRequests</c>).</summary>
    public int Limit { get; } = options.Value.MaxConcurrentRequests;

    /// <summary>Requests holding a slot now.</summary>
    public int InUse => Limit - _slots.CurrentCount;

    /// <summary>Waits for a free slot; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Holds a gate slot for the duration of one HTTP attempt, not during the retry delays around it.</summary>
public sealed class ConcurrencyLimitHandler(NetSuiteRequestGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
