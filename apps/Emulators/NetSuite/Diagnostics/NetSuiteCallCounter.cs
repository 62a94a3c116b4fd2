using System.Collections.Concurrent;

namespace DaprSync.NetSuiteEmulator.Diagnostics;

/// <summary>
/// Counts the REST calls the emulator received, per endpoint. An endpoint key is the HTTP method and the route
/// template, for example <c>PUT /services/rest/record/v1/customer/eid:{externalId}</c>. Calls that fail
/// authentication or validation count too, because NetSuite counts them against the account's limits.
/// </summary>
public sealed class NetSuiteCallCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Number of calls since start, over all endpoints.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Number of calls to one endpoint, 0 when it was never called.</summary>
    public long Get(string endpoint) => _counts.GetValueOrDefault(endpoint);

    /// <summary>A snapshot of every endpoint's count.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    public void Increment(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        _counts.AddOrUpdate(endpoint, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }
}
