using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>Checks the <c>CustomerSync</c> settings at start; each message names the key to fix.</summary>
internal sealed class CustomerSyncOptionsValidator : IValidateOptions<CustomerSyncOptions>
{
    private const string Section = CustomerSyncOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CustomerSyncOptions options)
    {
        var failures = new List<string>();
        CheckInternalId(failures, $"{Section}:SubsidiaryId", options.SubsidiaryId, required: true);
        CheckMap(failures, $"{Section}:PaymentTerms", options.PaymentTerms);
        CheckMap(failures, $"{Section}:ShippingCarriers", options.ShippingCarriers);
        if (options.MaxParentDepth is < 0 or > 100)
        {
            failures.Add($"{Section}:MaxParentDepth must be between 0 and 100, got {options.MaxParentDepth}.");
        }

        if (options.ProcessedEventRetention <= TimeSpan.Zero)
        {
            failures.Add(
                $"{Section}:ProcessedEventRetention must be a positive time span such as 7.00:00:00, "
                + $"got {options.ProcessedEventRetention}.");
        }

        if (options.EventClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add(
                $"{Section}:EventClaimTimeout must be a positive time span such as 00:01:00, "
                + $"got {options.EventClaimTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckMap(List<string> failures, string key, ValueMapOptions map)
    {
        CheckInternalId(failures, $"{key}:Default", map.Default, required: false);
        foreach (var (value, internalId) in map.Values)
        {
            CheckInternalId(failures, $"{key}:Values:{value}", internalId, required: true);
        }
    }

    // NetSuite internal ids are positive integers, sent as strings.
    private static void CheckInternalId(List<string> failures, string key, string? value, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is missing: set it to a NetSuite internal id such as 1.");
        }
        else if (!value.All(char.IsAsciiDigit) || value.All(digit => digit == '0'))
        {
            failures.Add($"{key} must be a NetSuite internal id (a positive integer), got '{value}'.");
        }
    }
}
