using System.Collections.Concurrent;

namespace DaprSync.NetSuiteEmulator.Records.Items;

/// <summary>An inventory item; <see cref="ItemId"/> is the item name/number that Salesforce stores as the SKU.</summary>
public sealed record NetSuiteItem(string Id, string ItemId, string? DisplayName, decimal? BasePrice, DateTimeOffset LastModifiedDate);

/// <summary>
/// The emulator's item records, shared by SOAP (Sales Order lines reference items by internal id) and
/// SuiteQL (<c>SELECT id, itemid FROM item</c>). Thread-safe; internal ids count up from 1000.
/// </summary>
public sealed class ItemCatalog(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, NetSuiteItem> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NetSuiteItem> _byItemId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private int _nextId = 1000;

    public IReadOnlyList<NetSuiteItem> All => [.. _byId.Values.OrderBy(item => int.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Adds an item, or returns the existing one with the same item id (item ids are unique in NetSuite).</summary>
    public NetSuiteItem Add(string itemId, string? displayName = null, decimal? basePrice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        lock (_gate)
        {
            if (_byItemId.TryGetValue(itemId, out var existing))
            {
                return existing;
            }

            var item = new NetSuiteItem(
                (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), itemId, displayName, basePrice, time.GetUtcNow());
            _byId[item.Id] = item;
            _byItemId[item.ItemId] = item;
            return item;
        }
    }

    public NetSuiteItem? Find(string internalId) => _byId.GetValueOrDefault(internalId);

    public NetSuiteItem? FindByItemId(string itemId) => _byItemId.GetValueOrDefault(itemId);
}
