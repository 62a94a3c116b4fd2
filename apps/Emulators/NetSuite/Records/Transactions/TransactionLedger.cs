using System.Globalization;

namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>
/// The emulator's transactions (invoices, credit memos, customer refunds, item fulfilments) and its deleted-record
/// log. Every change sets <c>lastmodifieddate</c> to the clock, truncated to whole seconds as NetSuite stores it.
/// Thread-safe; reads return snapshots.
/// </summary>
public sealed class TransactionLedger(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NetSuiteTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly List<DeletedRecord> _deleted = [];
    private long _nextId = 20000;
    private long _version;
    private IReadOnlyList<NetSuiteTransaction>? _ordered;

    /// <summary>A snapshot of every transaction, ordered by internal id.</summary>
    public IReadOnlyList<NetSuiteTransaction> Transactions => Snapshot().Transactions;

    /// <summary>
    /// Returns the ordered transactions with the ledger version they belong to. The version grows by one on every
    /// add, change and delete, so a reader may cache anything derived from the list under that version.
    /// </summary>
    public (long Version, IReadOnlyList<NetSuiteTransaction> Transactions) Snapshot()
    {
        lock (_gate)
        {
            // The ordered list is built once per version, since SuiteQL pages read it far more often than it changes.
            _ordered ??= [.. _transactions.Values.OrderBy(t => long.Parse(t.Id, CultureInfo.InvariantCulture))];
            return (_version, _ordered);
        }
    }

    public IReadOnlyList<DeletedRecord> DeletedRecords
    {
        get
        {
            lock (_gate)
            {
                return [.. _deleted];
            }
        }
    }

    /// <summary>The current time as NetSuite records it, to the second.</summary>
    public DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public NetSuiteTransaction? Find(string id)
    {
        lock (_gate)
        {
            return _transactions.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Stores a new transaction with the next internal id. An empty <see cref="NetSuiteTransaction.TranId"/> gets
    /// a number from the id; a <see cref="NetSuiteTransaction.LastModifiedDate"/> of default gets the clock.
    /// </summary>
    public NetSuiteTransaction Add(NetSuiteTransaction draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            var stored = draft with
            {
                Id = id,
                TranId = draft.TranId.Length > 0 ? draft.TranId : TranIdPrefix(draft.Type) + id,
                LastModifiedDate = draft.LastModifiedDate == default ? Now() : draft.LastModifiedDate,
            };
            _transactions[id] = stored;
            Changed();
            return stored;
        }
    }

    /// <summary>Applies <paramref name="change"/> to a transaction and stamps it modified now. Returns null when no
    /// transaction has the id.</summary>
    public NetSuiteTransaction? Modify(string id, Func<NetSuiteTransaction, NetSuiteTransaction> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_transactions.TryGetValue(id, out var current))
            {
                return null;
            }

            var changed = change(current) with { Id = id, LastModifiedDate = Now() };
            _transactions[id] = changed;
            Changed();
            return changed;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> while holding the ledger's lock, so a check of an amount remaining and the
    /// changes that rely on it cannot interleave with another write. The lock is reentrant, so the change may call
    /// <see cref="Find"/> and <see cref="Modify"/>.
    /// </summary>
    public T Write<T>(Func<T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return change();
        }
    }

    /// <summary>Deletes a transaction and records it in <c>DeletedRecord</c>. Returns the deleted transaction, or
    /// null when no transaction has the id.</summary>
    public NetSuiteTransaction? Delete(string id)
    {
        lock (_gate)
        {
            if (!_transactions.Remove(id, out var removed))
            {
                return null;
            }

            _deleted.Add(new DeletedRecord(id, TransactionTypes.RecordTypeName(removed.Type), removed.TranId, Now()));
            Changed();
            return removed;
        }
    }

    /// <summary>Marks the ordered snapshot stale; the caller holds the lock.</summary>
    private void Changed()
    {
        _version++;
        _ordered = null;
    }

    private static string TranIdPrefix(string type) => type switch
    {
        TransactionTypes.Invoice => "INV",
        TransactionTypes.CreditMemo => "CM",
        TransactionTypes.CustomerRefund => "RF",
        TransactionTypes.ItemFulfillment => "IF",
        _ => "TX",
    };
}
