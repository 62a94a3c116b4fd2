using System.Globalization;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// Builds SuiteQL literals. Dates go through <c>TO_TIMESTAMP</c> with an explicit format, because a bare date
/// string is read in the format of the integration user's preferences, which differs between accounts.
/// </summary>
public static class SuiteQlLiteral
{
    /// <summary>The Oracle format model of <see cref="Timestamp"/> and of the <c>TO_CHAR</c> columns ns-sapi
    /// selects.</summary>
    public const string TimestampFormat = "YYYY-MM-DD HH24:MI:SS";

    private const string DotNetTimestampFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Writes <c>TO_TIMESTAMP('2026-12-04 15:41:10', 'YYYY-MM-DD HH24:MI:SS')</c>, in UTC and truncated to
    /// the second, which is the precision of <c>lastmodifieddate</c>.</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        var text = TruncateToSecond(value).UtcDateTime.ToString(DotNetTimestampFormat, CultureInfo.InvariantCulture);
        return $"TO_TIMESTAMP('{text}', '{TimestampFormat}')";
    }

    /// <summary>Quotes text, doubling each quote inside it, so a value can never end the literal early.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Writes an internal id as a number after checking that it is one.</summary>
    public static string InternalId(string id)
    {
        if (string.IsNullOrEmpty(id) || !id.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Internal id '{id}' is invalid: it must be digits only.", nameof(id));
        }

        return id;
    }

    /// <summary>Parses a value written by <c>TO_CHAR(column, 'YYYY-MM-DD HH24:MI:SS')</c> as UTC.</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        new(DateTime.ParseExact(text, DotNetTimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    public static DateTimeOffset TruncateToSecond(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
