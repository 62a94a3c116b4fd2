using Avro.Generic;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// Typed reads of decoded Platform Event fields. Every failure is a <see cref="MalformedPlatformEventException"/>
/// that names the event and the field, so the problem report points at what to fix.
/// </summary>
internal static class PlatformEventFields
{
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Returns a text field that must be set and non-empty.</summary>
    public static string RequireString(GenericRecord record, string field) =>
        OptionalString(record, field) is { Length: > 0 } text
            ? text
            : throw Malformed(record, field, "is missing or empty");

    /// <summary>Returns a nullable text field, or null when it is unset.</summary>
    public static string? OptionalString(GenericRecord record, string field) => Read(record, field) switch
    {
        null => null,
        string text => text,
        var other => throw Malformed(record, field, $"is a {other.GetType().Name}, not a string"),
    };

    /// <summary>Returns a nullable Avro double (a Salesforce Currency or Number field) as a decimal.</summary>
    public static decimal? OptionalDecimal(GenericRecord record, string field)
    {
        switch (Read(record, field))
        {
            case null:
                return null;
            case double number when double.IsFinite(number) && Math.Abs(number) < 7.9e28:
                return (decimal)number;
            case var other:
                throw Malformed(record, field, $"is not a finite double ({other})");
        }
    }

    /// <summary>Returns a nullable Date field, encoded as an Avro int of days since 1970-01-01.</summary>
    public static DateOnly? OptionalDate(GenericRecord record, string field)
    {
        var value = Read(record, field);
        if (value is null)
        {
            return null;
        }

        var dayNumber = value is int days ? (long)UnixEpochDay + days : -1;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw Malformed(record, field, $"is not a date as days since 1970-01-01 ({value})");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    /// <summary>Returns the standard <c>CreatedDate</c> field, an Avro long of Unix milliseconds.</summary>
    public static DateTimeOffset RequireCreatedDate(GenericRecord record)
    {
        const long MaxMilliseconds = 253_402_300_799_999;
        if (Read(record, "CreatedDate") is long milliseconds && milliseconds is >= 0 and <= MaxMilliseconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        throw Malformed(record, "CreatedDate", "is missing or not Unix milliseconds");
    }

    private static object? Read(GenericRecord record, string field) =>
        record.TryGetValue(field, out var value) ? value : null;

    private static MalformedPlatformEventException Malformed(GenericRecord record, string field, string problem) =>
        new(record.Schema.Name, field, $"{record.Schema.Name} field {field} {problem}.");
}
