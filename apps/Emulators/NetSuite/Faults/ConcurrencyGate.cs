namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>
/// The account-wide limit on concurrent requests, shared by the REST and SOAP endpoints, with counters of what
/// it saw: requests in flight, the peak since the last reset, the requests it rejected, and how long admitted
/// requests held their slots.
/// </summary>
public sealed class ConcurrencyGate(Microsoft.Extensions.Options.IOptions<TrafficOptions> options)
{
    private int _inFlight;
    private int _peak;
    private long _rejected;
    private long _slotTicks;
    private long _firstAdmitted;
    private long _lastReleased;

    public int Limit => options.Value.MaxConcurrentRequests;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Maximum number of requests in flight at once since start or the last <see cref="Reset"/>, counting
    /// only requests that were admitted.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Time the admitted requests held their slots, added up, since start or the last <see cref="Reset"/>.</summary>
    public TimeSpan SlotTime => TimeSpan.FromSeconds(Interlocked.Read(ref _slotTicks) / (double)System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Time from the first request admitted to the last slot released since the last <see cref="Reset"/>;
    /// zero before any request.</summary>
    public TimeSpan ActiveTime
    {
        get
        {
            var first = Interlocked.Read(ref _firstAdmitted);
            var last = Interlocked.Read(ref _lastReleased);
            return first == 0 || last <= first
                ? TimeSpan.Zero
                : TimeSpan.FromSeconds((last - first) / (double)System.Diagnostics.Stopwatch.Frequency);
        }
    }

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

        var admitted = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstAdmitted, admitted, 0);
        return new Slot(this, admitted);
    }

    public void Reset()
    {
        Volatile.Write(ref _peak, InFlight);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _slotTicks, 0);
        Interlocked.Exchange(ref _firstAdmitted, 0);
        Interlocked.Exchange(ref _lastReleased, 0);
    }

    private sealed class Slot(ConcurrencyGate gate, long admitted) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                var released = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.Add(ref gate._slotTicks, released - admitted);
                long last;
                do
                {
                    last = Interlocked.Read(ref gate._lastReleased);
                }
                while (released > last && Interlocked.CompareExchange(ref gate._lastReleased, released, last) != last);

                Interlocked.Decrement(ref gate._inFlight);
            }
        }
    }
}
