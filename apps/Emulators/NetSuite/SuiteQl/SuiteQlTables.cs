using System.Globalization;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.Transactions;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// SuiteQL's <c>transaction</c> table over the emulator's ledger. <c>trackingnumberlist</c> contains an item
/// fulfilment's tracking numbers separated by a comma and a space.
/// </summary>
/// <remarks>NOTE: the separator in <c>trackingnumberlist</c> is the emulator's choice; it was not checked against a
/// live account, so ns-sapi also accepts spaces and <c>&lt;BR&gt;</c>.</remarks>
internal sealed class TransactionTable(TransactionLedger ledger, ReferenceData referenceData) : ISuiteQlTable
{
    /// <summary>Currency internal ids as a new NetSuite account numbers them.</summary>
    private static readonly Dictionary<string, string> Currencies = new(StringComparer.Ordinal)
    {
        ["1"] = "USD",
        ["2"] = "GBP",
        ["3"] = "CAD",
        ["4"] = "EUR",
    };

    public string Name => "transaction";

    public IReadOnlyList<string> Columns { get; } =
    [
        "id", "tranid", "type", "entity", "createdfrom", "trandate", "duedate", "status", "foreigntotal",
        "foreignamountremaining", "currency", "lastmodifieddate", "memo", "externalid", "shipdate", "shipmethod",
        "trackingnumberlist",
    ];

    private readonly Lock _gate = new();
    private (long Version, IReadOnlyList<SqlRow> Rows)? _cached;

    public IReadOnlyList<SqlRow> Rows() => Snapshot().Rows;

    /// <summary>Returns the rows of the ledger's current version, built once per version.</summary>
    public (long? Version, IReadOnlyList<SqlRow> Rows) Snapshot()
    {
        var (version, transactions) = ledger.Snapshot();
        lock (_gate)
        {
            if (_cached is not { } cached || cached.Version != version)
            {
                cached = (version, [.. transactions.Select(ToRow)]);
                _cached = cached;
            }

            return (cached.Version, cached.Rows);
        }
    }

    private SqlRow ToRow(NetSuiteTransaction t)
    {
        var statusText = TransactionTypes.Statuses.GetValueOrDefault(t.Type)?.GetValueOrDefault(t.Status);
        return new SqlRow(new Dictionary<string, SqlValue>(StringComparer.Ordinal)
        {
            ["id"] = Number(t.Id),
            ["tranid"] = SqlValue.Text(t.TranId),
            ["type"] = SqlValue.Text(t.Type),
            ["entity"] = Number(t.EntityId),
            ["createdfrom"] = Number(t.CreatedFrom),
            ["trandate"] = SqlValue.Date(t.TranDate),
            ["duedate"] = SqlValue.Date(t.DueDate),
            ["status"] = new SqlValue(t.Status, statusText),
            ["foreigntotal"] = SqlValue.Number(t.ForeignTotal),
            ["foreignamountremaining"] = SqlValue.Number(t.ForeignAmountRemaining),
            ["currency"] = new SqlValue(decimal.Parse(t.CurrencyId, CultureInfo.InvariantCulture),
                Currencies.GetValueOrDefault(t.CurrencyId)),
            ["lastmodifieddate"] = SqlValue.Timestamp(t.LastModifiedDate),
            ["memo"] = SqlValue.Text(t.Memo),
            ["externalid"] = SqlValue.Text(t.ExternalId),
            ["shipdate"] = SqlValue.Date(t.ShipDate),
            ["shipmethod"] = t.ShipMethodId is null
                ? SqlValue.Null
                : Number(t.ShipMethodId) with { Display = referenceData.ShippingItems.GetValueOrDefault(t.ShipMethodId) },
            ["trackingnumberlist"] = t.TrackingNumbers.Count == 0
                ? SqlValue.Null
                : SqlValue.Text(string.Join(", ", t.TrackingNumbers)),
        });
    }

    internal static SqlValue Number(string? id) =>
        id is null ? SqlValue.Null : SqlValue.Number(decimal.Parse(id, CultureInfo.InvariantCulture));
}

/// <summary>SuiteQL's <c>item</c> table over the emulator's item catalog.</summary>
internal sealed class ItemTable(ItemCatalog catalog) : ISuiteQlTable
{
    public string Name => "item";

    public IReadOnlyList<string> Columns { get; } =
        ["id", "itemid", "displayname", "itemtype", "baseprice", "isinactive", "lastmodifieddate"];

    public IReadOnlyList<SqlRow> Rows() => [.. catalog.All.Select(item => new SqlRow(
        new Dictionary<string, SqlValue>(StringComparer.Ordinal)
        {
            ["id"] = TransactionTable.Number(item.Id),
            ["itemid"] = SqlValue.Text(item.ItemId),
            ["displayname"] = SqlValue.Text(item.DisplayName),
            ["itemtype"] = new SqlValue("InvtPart", "Inventory Item"),
            ["baseprice"] = SqlValue.Number(item.BasePrice),
            ["isinactive"] = SqlValue.Text("F"),
            ["lastmodifieddate"] = SqlValue.Timestamp(item.LastModifiedDate),
        }))];
}

/// <summary>
/// SuiteQL's <c>DeletedRecord</c> table: one row per deleted transaction, with its internal id, its record type id
/// (<c>type</c>), its document number (<c>name</c>) and the time of deletion. The emulator deletes no custom records,
/// so the custom flags are always <c>F</c>.
/// </summary>
internal sealed class DeletedRecordTable(TransactionLedger ledger) : ISuiteQlTable
{
    public string Name => "deletedrecord";

    public IReadOnlyList<string> Columns { get; } =
    [
        "recordid", "type", "name", "deleteddate", "deletedby", "iscustomlist", "iscustomrecord", "iscustomtransaction",
        "recordtypeid", "scriptid",
    ];

    public IReadOnlyList<SqlRow> Rows() => [.. ledger.DeletedRecords.Select(record => new SqlRow(
        new Dictionary<string, SqlValue>(StringComparer.Ordinal)
        {
            ["recordid"] = TransactionTable.Number(record.RecordId),
            ["type"] = SqlValue.Text(record.Type),
            ["name"] = SqlValue.Text(record.Name),
            ["deleteddate"] = SqlValue.Timestamp(record.DeletedDate),
            ["deletedby"] = SqlValue.Null,
            ["iscustomlist"] = SqlValue.Text("F"),
            ["iscustomrecord"] = SqlValue.Text("F"),
            ["iscustomtransaction"] = SqlValue.Text("F"),
            ["recordtypeid"] = SqlValue.Null,
            ["scriptid"] = SqlValue.Null,
        }))];
}
