using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>What to do with one request instead of, or before, serving it.</summary>
public sealed record InjectedFault(TimeSpan Latency, int? ErrorStatus, TimeSpan? Hang);

/// <summary>Request body of <c>POST /admin/faults</c>; a null field keeps its current value.</summary>
public sealed record FaultPlan(
    int? LatencyMilliseconds,
    double? ErrorRate,
    int? ErrorStatus,
    double? TimeoutRate,
    int? FailNextCount,
    int? FailNextStatus,
    int? TimeoutNextCount);

/// <summary>
/// Decides the fault of each request: latency, an error status or a hang. Rates come from settings or the admin
/// endpoint; <c>FailNextCount</c> and <c>TimeoutNextCount</c> fail exactly that many next requests, so tests do
/// not depend on chance.
/// </summary>
public sealed class FaultInjector(IOptions<TrafficOptions> options)
{
    private readonly Lock _gate = new();
    private FaultOptions _current = Copy(options.Value.Faults);
    private int _failNext;
    private int _failNextStatus = 503;
    private int _timeoutNext;
    private long _errors;
    private long _hangs;

    /// <summary>Number of requests given an injected error or hang since start.</summary>
    public long InjectedCount => ErrorCount + HangCount;

    /// <summary>Number of requests given an injected error status since start.</summary>
    public long ErrorCount => Interlocked.Read(ref _errors);

    /// <summary>Number of requests given an injected hang since start.</summary>
    public long HangCount => Interlocked.Read(ref _hangs);

    public FaultOptions Current
    {
        get
        {
            lock (_gate)
            {
                return Copy(_current);
            }
        }
    }

    public void Apply(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _current = new FaultOptions
            {
                LatencyMilliseconds = plan.LatencyMilliseconds ?? _current.LatencyMilliseconds,
                ErrorRate = plan.ErrorRate ?? _current.ErrorRate,
                ErrorStatus = plan.ErrorStatus ?? _current.ErrorStatus,
                TimeoutRate = plan.TimeoutRate ?? _current.TimeoutRate,
                TimeoutSeconds = _current.TimeoutSeconds,
            };
            _failNext = plan.FailNextCount ?? _failNext;
            _failNextStatus = plan.FailNextStatus ?? _failNextStatus;
            _timeoutNext = plan.TimeoutNextCount ?? _timeoutNext;
        }
    }

    /// <summary>Returns to the configured settings and drops pending one-off faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _current = Copy(options.Value.Faults);
            _failNext = 0;
            _timeoutNext = 0;
        }
    }

    public InjectedFault Next()
    {
        lock (_gate)
        {
            var latency = TimeSpan.FromMilliseconds(_current.LatencyMilliseconds);
            var hang = TimeSpan.FromSeconds(_current.TimeoutSeconds);
            if (_timeoutNext > 0)
            {
                _timeoutNext--;
                _hangs++;
                return new InjectedFault(latency, null, hang);
            }

            if (_failNext > 0)
            {
                _failNext--;
                _errors++;
                return new InjectedFault(latency, _failNextStatus, null);
            }

            if (_current.TimeoutRate > 0 && Random.Shared.NextDouble() < _current.TimeoutRate)
            {
                _hangs++;
                return new InjectedFault(latency, null, hang);
            }

            var error = _current.ErrorRate > 0 && Random.Shared.NextDouble() < _current.ErrorRate;
            _errors += error ? 1 : 0;
            return new InjectedFault(latency, error ? _current.ErrorStatus : null, null);
        }
    }

    private static FaultOptions Copy(FaultOptions source) => new()
    {
        LatencyMilliseconds = source.LatencyMilliseconds,
        ErrorRate = source.ErrorRate,
        ErrorStatus = source.ErrorStatus,
        TimeoutRate = source.TimeoutRate,
        TimeoutSeconds = source.TimeoutSeconds,
    };
}
