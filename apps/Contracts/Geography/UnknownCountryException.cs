namespace DaprSync.Contracts.Geography;

/// <summary>Thrown by <see cref="CountryTable.Resolve"/> when a value names no known country.</summary>
public sealed class UnknownCountryException : Exception
{
    public UnknownCountryException()
        : this(null)
    {
    }

    public UnknownCountryException(string? value)
        : base(DescribeValue(value))
    {
        Value = value;
    }

    public UnknownCountryException(string? value, Exception? innerException)
        : base(DescribeValue(value), innerException)
    {
        Value = value;
    }

    /// <summary>The value that matched no country, as given.</summary>
    public string? Value { get; }

    private static string DescribeValue(string? value) =>
        $"'{value}' is not a known country. Use an ISO 3166-1 code or an English country name.";
}
