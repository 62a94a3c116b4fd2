using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Concurrency;

/// <summary>Client-side limits and retries of NetSuite calls, in the <c>NetSuite</c> section.</summary>
public sealed class NetSuiteConcurrencyOptions
{
    /// <summary>Maximum NetSuite requests, REST and SOAP together, in flight from this instance. 5 is the limit of an
    /// account on the standard service tier without SuiteCloud Plus licences; raise it only to the account's real
    /// limit.</summary>
    public int MaxConcurrentRequests { get; set; } = 5;

    /// <summary>Retries after a 429, 5xx, timeout or connection failure, each after an exponential delay with
    /// jitter.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry, in milliseconds; each further retry doubles it on average.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;
}

internal sealed class NetSuiteConcurrencyOptionsValidator : IValidateOptions<NetSuiteConcurrencyOptions>
{
    public ValidateOptionsResult Validate(string? name, NetSuiteConcurrencyOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentRequests is < 1 or > 1000)
        {
            failures.Add($"NetSuite:MaxConcurrentRequests is {options.MaxConcurrentRequests}: set 1 to 1000.");
        }

        if (options.MaxRetryAttempts is < 1 or > 10)
        {
            failures.Add($"NetSuite:MaxRetryAttempts is {options.MaxRetryAttempts}: set 1 to 10.");
        }

        if (options.RetryBaseDelayMilliseconds is < 1 or > 60_000)
        {
            failures.Add(
                $"NetSuite:RetryBaseDelayMilliseconds is {options.RetryBaseDelayMilliseconds}: set 1 to 60000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
