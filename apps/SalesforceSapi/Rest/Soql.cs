using System.Globalization;
using System.Text;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// Builds SOQL literals. Build every value into a query with these methods, so that a quote or a
/// backslash in data (<c>Bob's Burgers</c>, <c>C:\temp</c>) cannot end the literal or change the query.
/// </summary>
public static class Soql
{
    /// <summary>Returns <paramref name="value"/> as a quoted string literal with SOQL's escape sequences.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var literal = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var character in value)
        {
            literal.Append(character switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\b' => @"\b",
                '\f' => @"\f",
                _ => character.ToString(),
            });
        }

        return literal.Append('\'').ToString();
    }

    /// <summary>Returns a parenthesized list of quoted literals for IN and NOT IN.</summary>
    public static string QuoteList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var quoted = values.Select(Quote).ToList();
        if (quoted.Count == 0)
        {
            throw new ArgumentException("An IN list needs at least one value.", nameof(values));
        }

        return $"({string.Join(", ", quoted)})";
    }

    /// <summary>Returns a date literal such as <c>2026-01-31</c>, which SOQL writes without quotes.</summary>
    public static string Literal(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Returns a UTC datetime literal such as <c>2026-01-31T10:00:00Z</c>, written without quotes.</summary>
    public static string Literal(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Literal(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Literal(bool flag) => flag ? "TRUE" : "FALSE";
}
