using System.Globalization;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// A SuiteQL value: null, text, a number or a timestamp. <see cref="Display"/> is the text that
/// <c>BUILTIN.DF</c> returns for a reference or list column, such as <c>USD</c> for currency 1.
/// </summary>
internal sealed record SqlValue(object? Raw, string? Display = null)
{
    public static readonly SqlValue Null = new((object?)null);

    public bool IsNull => Raw is null;

    public static SqlValue Text(string? value) => value is null ? Null : new SqlValue(value);

    public static SqlValue Number(decimal? value) => value is null ? Null : new SqlValue(value.Value);

    public static SqlValue Timestamp(DateTimeOffset? value) => value is null ? Null : new SqlValue(value.Value);

    public static SqlValue Date(DateOnly? value) => value is null
        ? Null
        : new SqlValue(new DateTimeOffset(value.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>
    /// Compares two values the way Oracle does after implicit conversion: text that reads as a number compares as a
    /// number with a number. Returns null when either side is null, because SQL comparisons with null are unknown.
    /// </summary>
    public static int? Compare(SqlValue left, SqlValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return null;
        }

        return (left.Raw, right.Raw) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (decimal a, string b) when TryNumber(b, out var n) => a.CompareTo(n),
            (string a, decimal b) when TryNumber(a, out var n) => n.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            var (a, b) => throw new SuiteQlException(
                $"Invalid search query. The values {Describe(a)} and {Describe(b)} cannot be compared."),
        };
    }

    /// <summary>Formats the value as SuiteQL's REST service returns it: every value is a string.</summary>
    /// <remarks>
    /// A date or timestamp column returns only its date, in the account's date format (M/D/YYYY here). Callers that
    /// need the time select <c>TO_CHAR(column, 'YYYY-MM-DD HH24:MI:SS')</c>, as against a real account.
    /// </remarks>
    public string? ToWire() => Raw switch
    {
        null => null,
        string text => text,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        bool flag => flag ? "T" : "F",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number);

    private static string Describe(object? value) => value switch
    {
        DateTimeOffset => "(timestamp)",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        var other => $"'{other}'",
    };
}

/// <summary>A query that the emulator's SuiteQL engine cannot parse or run; the message is the error detail.</summary>
internal sealed class SuiteQlException(string message) : Exception(message);
