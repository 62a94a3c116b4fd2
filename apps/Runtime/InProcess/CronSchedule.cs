using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// A schedule in the form Dapr's <c>bindings.cron</c> accepts: six fields with seconds first, in UTC
/// (<c>0 7,22,37,52 * * * *</c>), or <c>@every</c> with a Go duration (<c>@every 15m</c>).
/// </summary>
public sealed partial class CronSchedule
{
    private readonly CronExpression? _expression;
    private readonly TimeSpan? _interval;

    private CronSchedule(string text, CronExpression? expression, TimeSpan? interval)
    {
        Text = text;
        _expression = expression;
        _interval = interval;
    }

    public string Text { get; }

    /// <summary>Parses a schedule; throws <see cref="FormatException"/> naming the value when it is invalid.</summary>
    public static CronSchedule Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("@every ", StringComparison.Ordinal))
        {
            return new CronSchedule(trimmed, null, ParseGoDuration(trimmed["@every ".Length..].Trim()));
        }

        if (trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            throw new FormatException($"Cron schedule '{text}' must have six fields, seconds first, or be '@every <duration>'.");
        }

        try
        {
            return new CronSchedule(trimmed, CronExpression.Parse(trimmed, CronFormat.IncludeSeconds), null);
        }
        catch (CronFormatException exception)
        {
            throw new FormatException($"Cron schedule '{text}' is invalid: {exception.Message}", exception);
        }
    }

    /// <summary>Returns the first firing strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after, DateTimeOffset started)
    {
        if (_interval is { } interval)
        {
            // @every counts from the start of the scheduler, as Dapr's cron binding does.
            var elapsed = after - started;
            var periods = Math.Floor(elapsed / interval) + 1;
            return started + (interval * periods);
        }

        return _expression!.GetNextOccurrence(after, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException($"Cron schedule '{Text}' has no further occurrence.");
    }

    private static TimeSpan ParseGoDuration(string text)
    {
        var parts = GoDurationPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new FormatException($"'@every {text}' needs a duration such as 15m, 1h30m or 10s.");
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        }

        return total > TimeSpan.Zero ? total : throw new FormatException($"'@every {text}' must be longer than zero.");
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex GoDurationPart();
}
