using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Soap;

/// <summary>Settings of the <c>NetSuite:Soap</c> section. Credentials come from the <c>NetSuite</c> section.</summary>
public sealed class SoapOptions
{
    public const string SectionName = "NetSuite:Soap";

    /// <summary>
    /// Root URL of the SOAP port (without <c>/services/NetSuitePort_2023_2</c>), for example the emulator's address.
    /// When empty, the account's host <c>https://{account}.suitetalk.api.netsuite.com</c> is used.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// IANA time zone of the NetSuite account (Setup &gt; Company &gt; Company Information), in which dates such as
    /// <c>tranDate</c> are sent as midnight. NOTE: the default is an assumption; set it for each account.
    /// </summary>
    public string AccountTimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>Timeout of one SOAP call, in seconds.</summary>
    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of a call that NetSuite rejected for its concurrency limit.</summary>
    public int ConcurrencyRetries { get; set; } = 4;

    /// <summary>Delay before the first retry, in milliseconds, with jitter of plus or minus half. Each further retry
    /// doubles it.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(AccountTimeZone);
}

/// <summary>Checks <see cref="SoapOptions"/> at start, naming each wrong key.</summary>
internal sealed class SoapOptionsValidator : IValidateOptions<SoapOptions>
{
    private const string Section = SoapOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SoapOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
                 && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{Section}:BaseUrl '{options.BaseUrl}' is invalid: set an absolute http or https URL, "
                + "or leave it empty to use the account's own host.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.AccountTimeZone ?? "", out _))
        {
            failures.Add($"{Section}:AccountTimeZone '{options.AccountTimeZone}' is not a known time zone: "
                + "set an IANA id such as Europe/London.");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{Section}:RequestTimeoutSeconds is {options.RequestTimeoutSeconds}: set 1 to 600.");
        }

        if (options.ConcurrencyRetries is < 0 or > 10)
        {
            failures.Add($"{Section}:ConcurrencyRetries is {options.ConcurrencyRetries}: set 0 to 10.");
        }

        if (options.RetryBaseDelayMilliseconds is < 0 or > 60_000)
        {
            failures.Add(
                $"{Section}:RetryBaseDelayMilliseconds is {options.RetryBaseDelayMilliseconds}: set 0 to 60000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
