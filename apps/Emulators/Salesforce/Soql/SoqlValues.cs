using System.Text;
using System.Text.RegularExpressions;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Schema;

namespace DaprSync.SalesforceEmulator.Soql;

/// <summary>Reads field values along a path and compares them the way SOQL does.</summary>
internal static class SoqlValues
{
    /// <summary>Returns the value at the end of the path, or null when a lookup on the way is empty.</summary>
    public static object? Read(SalesforceRecords records, SalesforceRecord record, ResolvedField field)
    {
        var current = record;
        foreach (var hop in field.Hops)
        {
            if (current.GetString(hop.Reference.Name) is not { } parentId)
            {
                return null;
            }

            current = records.Get(hop.Target.Name, parentId);
            if (current is null)
            {
                return null;
            }
        }

        return current[field.Field.Name];
    }

    /// <summary>Normalizes an id literal to 18 characters, so a 15-character id finds its record.</summary>
    public static object? Normalize(ResolvedField field, object? literal) =>
        field.Field.Type is FieldType.Id or FieldType.Reference && literal is string text
            ? SalesforceId.Normalize(text) ?? text
            : literal;

    /// <summary>Compares two non-null values of one type. Text compares case-insensitively, as in SOQL.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        (decimal a, decimal b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        _ => string.Compare(Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
    };

    public static bool AreEqual(object? left, object? right) =>
        left is null || right is null ? left is null && right is null : Compare(left, right) == 0;

    /// <summary>Matches a LIKE pattern: <c>%</c> is any run, <c>_</c> one character, case-insensitive.</summary>
    public static bool Like(object? value, string pattern)
    {
        if (value is not string text)
        {
            return false;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var character = pattern[i];
            if (character == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
                continue;
            }

            regex.Append(character switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(character.ToString()),
            });
        }

        regex.Append('$');
        var options = RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant;
        return Regex.IsMatch(text, regex.ToString(), options, TimeSpan.FromSeconds(1));
    }
}
