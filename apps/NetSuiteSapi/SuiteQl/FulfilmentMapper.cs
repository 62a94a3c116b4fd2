using System.Text.Json;
using System.Text.RegularExpressions;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>The SuiteQL columns of item fulfilments (<c>ItemShip</c>) and their mapping onto
/// <see cref="NetSuiteFulfilment"/>.</summary>
public static partial class FulfilmentMapper
{
    /// <summary>
    /// The read of item fulfilments. The carrier is the display name of the ship method (a shipping item), and
    /// <c>shipdate</c> falls back to <c>trandate</c> when an account leaves it empty.
    /// </summary>
    /// <remarks>NOTE: the <c>transaction</c> columns <c>shipdate</c>, <c>shipmethod</c> and
    /// <c>trackingnumberlist</c> were not queried on a live account. A column that an account does not expose fails
    /// the query with HTTP 400, which ns-sapi returns as 502.</remarks>
    public static KeysetQuery Fulfilments { get; } = KeysetQuery.Transactions(
        ["ItemShip"],
        ["id", "tranid", "createdfrom", TransactionMapper.DateColumn("trandate"),
         TransactionMapper.DateColumn("shipdate"), "BUILTIN.DF(shipmethod) AS shipmethod", "trackingnumberlist",
         "BUILTIN.DF(status) AS status"]);

    public static NetSuiteFulfilment ToFulfilment(IReadOnlyDictionary<string, JsonElement> row) => new(
        TransactionMapper.Required(row, "id"),
        TransactionMapper.Required(row, "tranid"),
        TransactionMapper.Required(row, "createdfrom"),
        TransactionMapper.ParseDate(SuiteQlPage.Read(row, "shipdate") ?? TransactionMapper.Required(row, "trandate")),
        SuiteQlPage.Read(row, "shipmethod"),
        SplitTrackingNumbers(SuiteQlPage.Read(row, "trackingnumberlist")),
        TransactionMapper.StatusName(SuiteQlPage.Read(row, "status")),
        SuiteQlLiteral.ParseTimestamp(TransactionMapper.Required(row, IncrementalReader.LastModifiedColumn)));

    /// <summary>
    /// Splits <c>trackingnumberlist</c> into its numbers.
    /// </summary>
    /// <remarks>NOTE: NetSuite does not document the separator of this column, so commas, whitespace and
    /// <c>&lt;BR&gt;</c> all separate numbers here.</remarks>
    public static IReadOnlyList<string> SplitTrackingNumbers(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : TrackingSeparator().Split(list).Where(number => number.Length > 0).ToList();

    [GeneratedRegex(@"(?:<br\s*/?>|[,\s])+", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingSeparator();
}
