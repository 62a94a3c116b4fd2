using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>SuiteQL settings in the <c>NetSuite</c> section.</summary>
public sealed class SuiteQlOptions
{
    /// <summary>Rows per page of <c>GET /invoices</c> and <c>GET /refunds</c> when the caller gives none, 1 to
    /// 1000 (NetSuite's maximum).</summary>
    public int SuiteQlPageSize { get; set; } = SuiteQlClient.MaxPageSize;

    /// <summary>Minutes an item internal id stays cached after a SKU lookup.</summary>
    public int ItemCacheMinutes { get; set; } = 60;
}

internal sealed class SuiteQlOptionsValidator : IValidateOptions<SuiteQlOptions>
{
    public ValidateOptionsResult Validate(string? name, SuiteQlOptions options)
    {
        var failures = new List<string>();
        if (options.SuiteQlPageSize is < 1 or > SuiteQlClient.MaxPageSize)
        {
            failures.Add(
                $"NetSuite:SuiteQlPageSize is {options.SuiteQlPageSize}: set 1 to {SuiteQlClient.MaxPageSize}.");
        }

        if (options.ItemCacheMinutes is < 0 or > 10_080)
        {
            failures.Add($"NetSuite:ItemCacheMinutes is {options.ItemCacheMinutes}: set 0 to 10080 minutes (a week).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
