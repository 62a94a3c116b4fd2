using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.Limits;

/// <summary>Endpoint names under which <see cref="ApiUsage"/> counts calls.</summary>
public static class ApiEndpoints
{
    public const string OAuthToken = "POST oauth2/token";
    public const string SObjectGet = "GET sobjects/{type}/{id}";
    public const string SObjectCreate = "POST sobjects/{type}";
    public const string SObjectUpdate = "PATCH sobjects/{type}/{id}";
    public const string CompositeTree = "POST composite/tree/{type}";
    public const string Query = "GET query";
    public const string QueryMore = "GET query/{locator}";
    public const string CollectionsUpsert = "PATCH composite/sobjects/{type}/{externalIdField}";
    public const string CollectionsUpdate = "PATCH composite/sobjects";
}

/// <summary>
/// API call counters per endpoint and the daily REST allowance behind the <c>Sforce-Limit-Info</c> header.
/// Token requests are counted per endpoint but, as in Salesforce, not against the daily allowance.
/// </summary>
public sealed class ApiUsage(IOptions<SalesforceEmulatorOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Lock dailyLock = new();
    private DateOnly day;
    private long dailyUsed;

    public int DailyLimit => options.Value.DailyApiRequestLimit;

    /// <summary>REST requests counted against today's allowance (UTC day).</summary>
    public long DailyUsed
    {
        get
        {
            lock (dailyLock)
            {
                RollOverDay();
                return dailyUsed;
            }
        }
    }

    /// <summary>Returns the number of calls to one endpoint, named as in <see cref="ApiEndpoints"/>.</summary>
    public long Count(string endpoint) => counts.GetValueOrDefault(endpoint);

    /// <summary>Returns a copy of every endpoint's call count.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(counts);

    /// <summary>Counts a call that does not use the daily allowance.</summary>
    public void Record(string endpoint) => counts.AddOrUpdate(endpoint, 1, (_, count) => count + 1);

    /// <summary>
    /// Counts a REST call against the daily allowance. Returns false, counting nothing, when the allowance
    /// is used up. <paramref name="used"/> is the usage to report either way.
    /// </summary>
    public bool TryRecordRestCall(string endpoint, out long used)
    {
        lock (dailyLock)
        {
            RollOverDay();
            if (dailyUsed >= DailyLimit)
            {
                used = dailyUsed;
                return false;
            }

            used = ++dailyUsed;
        }

        Record(endpoint);
        return true;
    }

    /// <summary>Uses up today's allowance, so REST calls get <c>403 REQUEST_LIMIT_EXCEEDED</c> until reset.</summary>
    public void Exhaust()
    {
        lock (dailyLock)
        {
            RollOverDay();
            dailyUsed = DailyLimit;
        }
    }

    /// <summary>Clears every counter, for tests and the admin endpoint.</summary>
    public void Reset()
    {
        counts.Clear();
        lock (dailyLock)
        {
            dailyUsed = 0;
        }
    }

    // NOTE: Salesforce measures the allowance over a rolling 24 hours, but the emulator resets it at midnight UTC.
    private void RollOverDay()
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (today != day)
        {
            day = today;
            dailyUsed = 0;
        }
    }
}
