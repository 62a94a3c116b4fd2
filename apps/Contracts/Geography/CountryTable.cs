using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DaprSync.Contracts.Geography;

/// <summary>
/// Resolves free-text country values (ISO 3166-1 alpha-2 or alpha-3 codes, English short names and
/// common aliases such as <c>UK</c> or <c>Holland</c>) to a <see cref="Country"/>. Matching ignores case,
/// accents, dots, other punctuation, a leading "The", "&amp;" versus "and", and "St" versus "Saint".
/// </summary>
public static class CountryTable
{
    private static readonly FrozenDictionary<string, Country> ByKey = BuildIndex();

    private static readonly FrozenDictionary<string, string> NetSuiteEnumByAlpha2 = SplitRows(CountryData.Countries)
        .ToFrozenDictionary(columns => columns[0], columns => columns[3], StringComparer.Ordinal);

    /// <summary>Every ISO 3166-1 country, ordered by alpha-2 code.</summary>
    public static IReadOnlyList<Country> All { get; } = ParseCountries();

    /// <summary>
    /// Finds the country that <paramref name="value"/> names. Returns false for null, blank or unknown text.
    /// </summary>
    public static bool TryResolve(string? value, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return ByKey.TryGetValue(Normalize(value), out country);
    }

    /// <summary>Finds the country that <paramref name="value"/> names.</summary>
    /// <exception cref="UnknownCountryException">The value is null, blank or names no known country.</exception>
    public static Country Resolve(string? value) =>
        TryResolve(value, out var country) ? country : throw new UnknownCountryException(value);

    /// <summary>
    /// Returns the value of NetSuite's SOAP <c>Country</c> enum (SuiteTalk 2023_2) for <paramref name="country"/>,
    /// for example <c>_unitedKingdom</c> for GB.
    /// </summary>
    /// <exception cref="ArgumentException">The country is not one of <see cref="All"/>.</exception>
    public static string ToNetSuiteCountry(Country country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return NetSuiteEnumByAlpha2.TryGetValue(country.Alpha2, out var value)
            ? value
            : throw new ArgumentException($"Country {country.Alpha2} is not in the ISO 3166-1 table.", nameof(country));
    }

    /// <summary>
    /// Reduces a value to its match key: accents folded, lower case, dots dropped (so <c>U.S.A.</c> is
    /// <c>usa</c>), other punctuation as spaces, <c>&amp;</c> as "and", "st" as "saint", no leading "the".
    /// </summary>
    internal static string Normalize(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark || character == '.')
            {
                continue;
            }

            if (character == '&')
            {
                builder.Append(" and ");
            }
            else
            {
                builder.Append(char.IsLetterOrDigit(character) ? char.ToLowerInvariant(character) : ' ');
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word == "st" ? "saint" : word)
            .SkipWhile((word, index) => index == 0 && word == "the");
        return string.Join(' ', words);
    }

    private static List<Country> ParseCountries()
    {
        var countries = new List<Country>();
        foreach (var columns in SplitRows(CountryData.Countries))
        {
            countries.Add(new Country(columns[0], columns[1], columns[2]));
        }

        return countries;
    }

    private static FrozenDictionary<string, Country> BuildIndex()
    {
        var index = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byAlpha2 = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var country in ParseCountries())
        {
            byAlpha2.Add(country.Alpha2, country);
            AddKey(index, country.Alpha2, country);
            AddKey(index, country.Alpha3, country);
            AddKey(index, country.Name, country);
        }

        foreach (var columns in SplitRows(CountryAliases.Aliases))
        {
            AddKey(index, columns[0], byAlpha2[columns[1]]);
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // A key may repeat for the same country (alias "USA" is also its alpha-3 code) but never for two
    // countries, so a wrong row in the data fails the first use of the table instead of resolving silently.
    private static void AddKey(Dictionary<string, Country> index, string text, Country country)
    {
        var key = Normalize(text);
        if (index.TryGetValue(key, out var existing) && existing != country)
        {
            throw new InvalidOperationException(
                $"Country key '{key}' maps to both {existing.Alpha2} and {country.Alpha2}.");
        }

        index[key] = country;
    }

    private static IEnumerable<string[]> SplitRows(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => row.Split('|', StringSplitOptions.TrimEntries));
}
