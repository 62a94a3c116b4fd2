using System.Globalization;

namespace DaprSync.NetSuiteEmulator.Records.SalesOrders;

/// <summary>
/// The emulator's Sales Orders. Writes run one at a time under a lock, so an external id check and the insert that
/// relies on it cannot interleave. Internal ids count up from 5000 and document numbers from SO1001.
/// </summary>
public sealed class SalesOrderStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NetSuiteSalesOrder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByExternalId = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 5000;
    private int _nextTranNumber = 1000;

    public IReadOnlyList<NetSuiteSalesOrder> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _byId.Values.OrderBy(order => long.Parse(order.Id, CultureInfo.InvariantCulture))];
            }
        }
    }

    public NetSuiteSalesOrder? Find(string internalId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(internalId);
        }
    }

    /// <summary>Finds an order by external id, which NetSuite matches without regard to case.</summary>
    public NetSuiteSalesOrder? FindByExternalId(string externalId)
    {
        lock (_gate)
        {
            return _idsByExternalId.TryGetValue(externalId, out var id) ? _byId[id] : null;
        }
    }

    /// <summary>Runs <paramref name="change"/> with exclusive access, so lookups and writes inside it are atomic.</summary>
    public T Write<T>(Func<SalesOrderStore, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return change(this);
        }
    }

    /// <summary>Stores a new order with the next internal id and document number. Call inside <see cref="Write"/>.</summary>
    public NetSuiteSalesOrder Insert(NetSuiteSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var stored = order with
        {
            Id = (++_nextId).ToString(CultureInfo.InvariantCulture),
            TranId = "SO" + (++_nextTranNumber).ToString(CultureInfo.InvariantCulture),
            LastModifiedDate = time.GetUtcNow(),
        };
        return Store(stored);
    }

    /// <summary>Replaces a stored order, keyed by its id. Call inside <see cref="Write"/>.</summary>
    public NetSuiteSalesOrder Replace(NetSuiteSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var previous = _byId[order.Id];
        if (previous.ExternalId is not null)
        {
            _idsByExternalId.Remove(previous.ExternalId);
        }

        return Store(order with { LastModifiedDate = time.GetUtcNow() });
    }

    /// <summary>Records a fulfilment of <paramref name="quantity"/> on one line, as an item fulfilment would.</summary>
    public NetSuiteSalesOrder Fulfil(string internalId, long line, double quantity) => Write(store =>
    {
        var order = store._byId[internalId];
        var lines = order.Lines
            .Select(existing => existing.Line == line
                ? existing with { QuantityFulfilled = existing.QuantityFulfilled + quantity }
                : existing)
            .ToList();
        return store.Replace(order with { Lines = lines });
    });

    private NetSuiteSalesOrder Store(NetSuiteSalesOrder order)
    {
        _byId[order.Id] = order;
        if (order.ExternalId is not null)
        {
            _idsByExternalId[order.ExternalId] = order.Id;
        }

        return order;
    }
}
