namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>
/// The account-wide limit on concurrent requests, shared by the REST and SOAP endpoints, with counters of what
/// it saw: requests in flight, the peak since the last reset and the requests it rejected.
/// </summary>
public sealed class ConcurrencyGate(Microsoft.Extensions.Options.IOptions<TrafficOptions> options)
{
    private int _inFlight;
    private int _peak;
    private long _rejected;

    public int Limit => options.Value.MaxConcurrentRequests;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Maximum number of requests in flight at once since start or the last <see cref="Reset"/>, counting
    /// only requests that were admitted.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Admits a request and returns its slot, or returns null when the limit is reached. The caller then
    /// sends the protocol's concurrency error.</summary>
    public IDisposable? TryEnter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        if (now > Limit)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _rejected);
            return null;
        }

        var peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }

        return new Slot(this);
    }

    public void Reset()
    {
        Volatile.Write(ref _peak, InFlight);
        Interlocked.Exchange(ref _rejected, 0);
    }

    private sealed class Slot(ConcurrencyGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._inFlight);
            }
        }
    }
}
