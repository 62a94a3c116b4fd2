using System.Text;
using DaprSync.NetSuiteSapi.SuiteQl;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Items;

/// <summary>
/// Resolves SKUs with one <c>SELECT id, itemid FROM item WHERE itemid IN (...)</c> query per call for the SKUs
/// not in the cache, so an order costs at most one SuiteQL call and a repeated SKU costs none. Unknown SKUs are
/// not cached, so an item added in NetSuite later is found on the next order.
/// </summary>
public sealed partial class SuiteQlItemResolver(
    SuiteQlClient client,
    IMemoryCache cache,
    IOptions<SuiteQlOptions> options,
    ILogger<SuiteQlItemResolver> logger) : IItemResolver
{
    /// <summary>SKUs per query, which keeps the statement well below NetSuite's query length limit.</summary>
    /// <remarks>NOTE: NetSuite does not publish an IN-list limit for SuiteQL; 500 is an estimate.</remarks>
    private const int MaxSkusPerQuery = 500;

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
        foreach (var chunk in missing.Chunk(MaxSkusPerQuery))
        {
            var rows = await client.QueryAllAsync(BuildQuery(chunk), cancellationToken);
            foreach (var row in rows)
            {
                var itemId = SuiteQlPage.Read(row, "itemid");
                var id = SuiteQlPage.Read(row, "id");
                if (itemId is null || id is null || !chunk.Contains(itemId, StringComparer.Ordinal))
                {
                    continue;
                }

                resolved[itemId] = id;
                cache.Set(CacheKey(itemId), id, TimeSpan.FromMinutes(options.Value.ItemCacheMinutes));
            }
        }

        if (missing.Count > 0)
        {
            LogResolved(logger, missing.Count, cached, resolved.Count - cached);
        }

        return resolved;
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
