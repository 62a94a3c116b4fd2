using System.Collections.Concurrent;
using System.Text;
using DaprSync.NetSuiteSapi.SuiteQl;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Items;

/// <summary>
/// Resolves SKUs with one <c>SELECT id, itemid FROM item WHERE itemid IN (...)</c> query per call for the SKUs
/// not in the cache, so an order costs at most one SuiteQL call and a repeated SKU costs none. Unknown SKUs are
/// not cached, so an item added in NetSuite later is found on the next order. A SKU that another order is already
/// looking up waits for that query instead of sending its own, so a burst of orders for new items costs one query
/// per SKU, not one per order.
/// </summary>
public sealed partial class SuiteQlItemResolver(
    SuiteQlClient client,
    IMemoryCache cache,
    ItemLookupsInFlight inFlight,
    IOptions<SuiteQlOptions> options,
    ILogger<SuiteQlItemResolver> logger) : IItemResolver
{
    /// <summary>SKUs per query, which keeps the statement well below NetSuite's query length limit.</summary>
    /// <remarks>NOTE: NetSuite does not publish an IN-list limit for SuiteQL; 500 is an estimate.</remarks>
    private const int MaxSkusPerQuery = 500;

    private readonly ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, string>>> _lookups = inFlight.Lookups;

    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sku in skus.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(CacheKey(sku), out string? id) && id is not null)
            {
                resolved[sku] = id;
            }
            else
            {
                missing.Add(sku);
            }
        }

        var cached = resolved.Count;
        var pending = new List<Task<IReadOnlyDictionary<string, string>>>();
        var unclaimed = new List<string>();
        foreach (var sku in missing)
        {
            if (_lookups.TryGetValue(sku, out var lookup))
            {
                pending.Add(lookup);
            }
            else
            {
                unclaimed.Add(sku);
            }
        }

        foreach (var chunk in unclaimed.Chunk(MaxSkusPerQuery))
        {
            // The query does not take this caller's token, because other orders may come to wait for it. It ends with
            // the client's request timeout.
            var lookup = QueryAsync(chunk);
            foreach (var sku in chunk)
            {
                _lookups.TryAdd(sku, lookup);
            }

            pending.Add(lookup);
            _ = lookup.ContinueWith(
                _ =>
                {
                    foreach (var sku in chunk)
                    {
                        _lookups.TryRemove(new KeyValuePair<string, Task<IReadOnlyDictionary<string, string>>>(sku, lookup));
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        foreach (var lookup in pending.Distinct())
        {
            foreach (var (itemId, id) in await lookup.WaitAsync(cancellationToken))
            {
                if (missing.Contains(itemId, StringComparer.Ordinal))
                {
                    resolved[itemId] = id;
                }
            }
        }

        if (missing.Count > 0)
        {
            LogResolved(logger, missing.Count, cached, resolved.Count - cached);
        }

        return resolved;
    }

    private async Task<IReadOnlyDictionary<string, string>> QueryAsync(string[] skus)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await client.QueryAllAsync(BuildQuery(skus), CancellationToken.None);
        foreach (var row in rows)
        {
            var itemId = SuiteQlPage.Read(row, "itemid");
            var id = SuiteQlPage.Read(row, "id");
            if (itemId is null || id is null || !skus.Contains(itemId, StringComparer.Ordinal))
            {
                continue;
            }

            found[itemId] = id;
            cache.Set(CacheKey(itemId), id, TimeSpan.FromMinutes(options.Value.ItemCacheMinutes));
        }

        return found;
    }

    /// <summary>Builds the lookup query with every SKU quoted as a SuiteQL string literal.</summary>
    public static string BuildQuery(IEnumerable<string> skus)
    {
        var list = new StringBuilder();
        foreach (var sku in skus)
        {
            list.Append(list.Length == 0 ? "" : ", ").Append(SuiteQlLiteral.Text(sku));
        }

        return $"SELECT id, itemid FROM item WHERE itemid IN ({list})";
    }

    private static string CacheKey(string sku) => "netsuite-item:" + sku;

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug,
        Message = "Looked up {Queried} SKUs in NetSuite and found {Found}; {Cached} came from the cache")]
    private static partial void LogResolved(ILogger logger, int queried, int cached, int found);
}

/// <summary>The SKU lookups that requests are waiting for, shared by every request's <see cref="SuiteQlItemResolver"/>.</summary>
public sealed class ItemLookupsInFlight
{
    internal ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, string>>> Lookups { get; } =
        new(StringComparer.Ordinal);
}
