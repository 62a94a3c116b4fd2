using System.ComponentModel.DataAnnotations;

namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>
/// Concurrency limit and fault injection settings: <c>NetSuiteEmulator:MaxConcurrentRequests</c> and the
/// <c>NetSuiteEmulator:Faults</c> section. The admin endpoint <c>/admin/faults</c> changes faults at run time.
/// </summary>
public sealed class TrafficOptions
{
    /// <summary>Requests the account serves at once; 5 is the limit of the standard service tier without
    /// SuiteCloud Plus licences.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 5;

    public FaultOptions Faults { get; set; } = new();
}

/// <summary>Faults applied to every REST and SOAP request, before it reaches its endpoint.</summary>
public sealed class FaultOptions
{
    /// <summary>Added latency of every request, in milliseconds, spent while holding a concurrency slot.</summary>
    [Range(0, 600_000)]
    public int LatencyMilliseconds { get; set; }

    /// <summary>Share of requests, 0 to 1, rejected with <see cref="ErrorStatus"/> instead of being served.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRate { get; set; }

    /// <summary>Status of injected errors: 429, or a 5xx status.</summary>
    [Range(429, 599)]
    public int ErrorStatus { get; set; } = 503;

    /// <summary>Share of requests, 0 to 1, that hang for <see cref="TimeoutSeconds"/> and are then dropped.</summary>
    [Range(0.0, 1.0)]
    public double TimeoutRate { get; set; }

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;
}
