using System.Collections.Frozen;
using System.Text.Json;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// The read of SuiteQL's <c>DeletedRecord</c> table for transactions, and the translation between the
/// transaction type codes of the contract (<c>CustInvc</c>) and the record type ids that <c>DeletedRecord.type</c>
/// stores (<c>invoice</c>).
/// </summary>
/// <remarks>NOTE: the record type ids follow published SuiteQL examples of <c>DeletedRecord</c>; they were not
/// checked against a live account.</remarks>
public static class DeletedTransactionMapper
{
    /// <summary>Name of the <c>TO_CHAR(deleteddate, ...)</c> column every page carries, for the cursor.</summary>
    public const string DeletedColumn = "deleted";

    /// <summary>Transaction type codes that <c>GET /deleted-transactions</c> accepts, with their record type
    /// ids.</summary>
    public static FrozenDictionary<string, string> RecordTypes { get; } = new Dictionary<string, string>(
        StringComparer.OrdinalIgnoreCase)
    {
        ["CustInvc"] = "invoice",
        ["CustCred"] = "creditmemo",
        ["CustRfnd"] = "customerrefund",
        ["CustPymt"] = "customerpayment",
        ["ItemShip"] = "itemfulfillment",
        ["SalesOrd"] = "salesorder",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> TypeCodes =
        RecordTypes.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the read of deleted records of the given type codes, which must be keys of
    /// <see cref="RecordTypes"/>.</summary>
    public static KeysetQuery Query(IEnumerable<string> typeCodes)
    {
        var names = typeCodes.Select(code => SuiteQlLiteral.Text(RecordTypes[code]));
        return new KeysetQuery("DeletedRecord", "type IN (" + string.Join(", ", names) + ")", "deleteddate",
            "recordid", DeletedColumn, ["recordid", "type"]);
    }

    /// <summary>Maps a row. A record type id without a known code is passed through unchanged.</summary>
    public static NetSuiteDeletedTransaction ToDeletedTransaction(IReadOnlyDictionary<string, JsonElement> row)
    {
        var type = TransactionMapper.Required(row, "type");
        return new NetSuiteDeletedTransaction(
            TransactionMapper.Required(row, "recordid"),
            TypeCodes.GetValueOrDefault(type, type),
            SuiteQlLiteral.ParseTimestamp(TransactionMapper.Required(row, DeletedColumn)));
    }
}
