using System.Globalization;
using System.Text.Json;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>The SuiteQL columns of invoices and refunds, and their mapping onto the contract records.</summary>
public static class TransactionMapper
{
    private const string DateFormat = "YYYY-MM-DD";

    public static KeysetQuery Invoices { get; } = KeysetQuery.Transactions(
        ["CustInvc"],
        ["id", "tranid", "entity", "createdfrom", DateColumn("trandate"), DateColumn("duedate"),
         "BUILTIN.DF(status) AS status", "foreigntotal", "foreignamountremaining", "BUILTIN.DF(currency) AS currency"]);

    public static KeysetQuery Refunds { get; } = KeysetQuery.Transactions(
        ["CustCred", "CustRfnd"],
        ["id", "tranid", "type", "entity", DateColumn("trandate"), "BUILTIN.DF(status) AS status", "foreigntotal",
         "memo", "BUILTIN.DF(currency) AS currency"]);

    public static NetSuiteInvoice ToInvoice(IReadOnlyDictionary<string, JsonElement> row) => new(
        Required(row, "id"),
        Required(row, "tranid"),
        SuiteQlPage.Read(row, "entity"),
        SuiteQlPage.Read(row, "createdfrom"),
        ParseDate(Required(row, "trandate")),
        SuiteQlPage.Read(row, "duedate") is { } due ? ParseDate(due) : null,
        StatusName(SuiteQlPage.Read(row, "status")),
        ParseAmount(SuiteQlPage.Read(row, "foreigntotal")),
        ParseAmount(SuiteQlPage.Read(row, "foreignamountremaining")),
        SuiteQlPage.Read(row, "currency"),
        SuiteQlLiteral.ParseTimestamp(Required(row, IncrementalReader.LastModifiedColumn)));

    public static NetSuiteRefund ToRefund(IReadOnlyDictionary<string, JsonElement> row) => new(
        Required(row, "id"),
        Required(row, "tranid"),
        Required(row, "type"),
        SuiteQlPage.Read(row, "entity"),
        ParseDate(Required(row, "trandate")),
        StatusName(SuiteQlPage.Read(row, "status")),
        ParseAmount(SuiteQlPage.Read(row, "foreigntotal")),
        SuiteQlPage.Read(row, "memo"),
        SuiteQlPage.Read(row, "currency"),
        SuiteQlLiteral.ParseTimestamp(Required(row, IncrementalReader.LastModifiedColumn)));

    internal static string DateColumn(string column) => $"TO_CHAR({column}, '{DateFormat}') AS {column}";

    /// <summary>Drops the record type from <c>BUILTIN.DF(status)</c>: <c>Invoice : Open</c> becomes
    /// <c>Open</c>.</summary>
    internal static string? StatusName(string? display)
    {
        var separator = display?.IndexOf(" : ", StringComparison.Ordinal) ?? -1;
        return separator < 0 ? display : display![(separator + 3)..];
    }

    internal static string Required(IReadOnlyDictionary<string, JsonElement> row, string column) =>
        SuiteQlPage.Read(row, column)
        ?? throw new InvalidDataException($"a SuiteQL row has no value in the column {column}");

    internal static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal ParseAmount(string? text) =>
        text is null ? 0m : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
