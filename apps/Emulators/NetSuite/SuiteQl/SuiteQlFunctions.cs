using System.Globalization;
using System.Text;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>
/// The SQL functions the emulator supports: <c>TO_TIMESTAMP</c>, <c>TO_DATE</c>, <c>TO_CHAR</c>, <c>UPPER</c>,
/// <c>LOWER</c> and <c>BUILTIN.DF</c>. Format models use Oracle's elements YYYY, MM, DD, HH24, MI and SS.
/// </summary>
/// <remarks>
/// NOTE: a real account reads and writes timestamps in the user's time zone. The emulator uses UTC throughout.
/// </remarks>
internal static class SuiteQlFunctions
{
    public static SqlValue Call(string name, IReadOnlyList<SqlValue> arguments) => name switch
    {
        "to_timestamp" or "to_date" => ParseTime(name, arguments),
        "to_char" => FormatValue(arguments),
        "upper" => MapText(name, arguments, text => text.ToUpperInvariant()),
        "lower" => MapText(name, arguments, text => text.ToLowerInvariant()),
        "builtin.df" => Display(arguments),
        _ => throw new SuiteQlException(
            $"Invalid search query. The function {name.ToUpperInvariant()} is not supported."),
    };

    private static SqlValue ParseTime(string name, IReadOnlyList<SqlValue> arguments)
    {
        RequireCount(name, arguments, 2);
        if (arguments[0].IsNull)
        {
            return SqlValue.Null;
        }

        if (arguments[0].Raw is not string text || arguments[1].Raw is not string format)
        {
            throw new SuiteQlException($"Invalid search query. {name.ToUpperInvariant()} takes a string and a format.");
        }

        if (!DateTime.TryParseExact(text, ToDotNetFormat(format), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new SuiteQlException(
                $"Invalid search query. The value '{text}' does not match the format '{format}'.");
        }

        return SqlValue.Timestamp(new DateTimeOffset(parsed, TimeSpan.Zero));
    }

    private static SqlValue FormatValue(IReadOnlyList<SqlValue> arguments)
    {
        if (arguments.Count is < 1 or > 2)
        {
            throw new SuiteQlException("Invalid search query. TO_CHAR takes a value and an optional format.");
        }

        var value = arguments[0];
        if (value.Raw is DateTimeOffset time && arguments.Count == 2 && arguments[1].Raw is string format)
        {
            return SqlValue.Text(time.UtcDateTime.ToString(ToDotNetFormat(format), CultureInfo.InvariantCulture));
        }

        return SqlValue.Text(value.ToWire());
    }

    private static SqlValue MapText(string name, IReadOnlyList<SqlValue> arguments, Func<string, string> map)
    {
        RequireCount(name, arguments, 1);
        return arguments[0].Raw is string text ? SqlValue.Text(map(text)) : arguments[0];
    }

    private static SqlValue Display(IReadOnlyList<SqlValue> arguments)
    {
        RequireCount("builtin.df", arguments, 1);
        return arguments[0].IsNull ? SqlValue.Null : SqlValue.Text(arguments[0].Display ?? arguments[0].ToWire());
    }

    private static void RequireCount(string name, IReadOnlyList<SqlValue> arguments, int count)
    {
        if (arguments.Count != count)
        {
            throw new SuiteQlException(
                $"Invalid search query. {name.ToUpperInvariant()} takes {count} argument(s), not {arguments.Count}.");
        }
    }

    /// <summary>Translates an Oracle datetime format model into a .NET custom format string.</summary>
    public static string ToDotNetFormat(string oracleFormat)
    {
        var result = new StringBuilder();
        var i = 0;
        var upper = oracleFormat.ToUpperInvariant();
        while (i < upper.Length)
        {
            var element = new[] { "YYYY", "HH24", "MM", "DD", "MI", "SS" }
                .FirstOrDefault(candidate => string.CompareOrdinal(upper, i, candidate, 0, candidate.Length) == 0);
            if (element is not null)
            {
                result.Append(element switch
                {
                    "YYYY" => "yyyy",
                    "HH24" => "HH",
                    "MM" => "MM",
                    "DD" => "dd",
                    "MI" => "mm",
                    _ => "ss",
                });
                i += element.Length;
            }
            else if (char.IsAsciiLetter(upper[i]))
            {
                throw new SuiteQlException(
                    $"Invalid search query. The format '{oracleFormat}' uses an element that the emulator does "
                    + "not support.");
            }
            else
            {
                result.Append('\\').Append(oracleFormat[i]);
                i++;
            }
        }

        return result.ToString();
    }
}
