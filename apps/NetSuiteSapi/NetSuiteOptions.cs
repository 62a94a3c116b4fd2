using DaprSync.NetSuiteSapi.Auth;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi;

/// <summary>Settings of the <c>NetSuite</c> section: the account and its Token-Based Authentication
/// credentials.</summary>
public sealed class NetSuiteOptions
{
    public const string SectionName = "NetSuite";

    /// <summary>Account id as NetSuite shows it, for example <c>1234567_SB1</c> or <c>1234567-sb1</c>.</summary>
    public string AccountId { get; set; } = "";

    public string ConsumerKey { get; set; } = "";

    public string ConsumerSecret { get; set; } = "";

    public string TokenId { get; set; } = "";

    public string TokenSecret { get; set; } = "";

    /// <summary>
    /// Root URL of the REST API (without <c>/services/rest</c>), for example the emulator's address. When empty,
    /// the account's own host <c>https://{account}.suitetalk.api.netsuite.com</c> is used.
    /// </summary>
    public string? RestBaseUrl { get; set; }

    /// <summary>Timeout of one REST call, in seconds. A call that takes longer counts as a transient failure.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks <see cref="NetSuiteOptions"/> at start, naming each wrong key.</summary>
internal sealed class NetSuiteOptionsValidator : IValidateOptions<NetSuiteOptions>
{
    public ValidateOptionsResult Validate(string? name, NetSuiteOptions options)
    {
        var failures = new List<string>();
        RequireValue(failures, nameof(NetSuiteOptions.AccountId), options.AccountId);
        RequireValue(failures, nameof(NetSuiteOptions.ConsumerKey), options.ConsumerKey);
        RequireValue(failures, nameof(NetSuiteOptions.ConsumerSecret), options.ConsumerSecret);
        RequireValue(failures, nameof(NetSuiteOptions.TokenId), options.TokenId);
        RequireValue(failures, nameof(NetSuiteOptions.TokenSecret), options.TokenSecret);

        if (!string.IsNullOrWhiteSpace(options.AccountId) && !NetSuiteAccount.IsValidAccountId(options.AccountId))
        {
            failures.Add($"{SectionName}:AccountId '{options.AccountId}' is invalid: use letters, digits, '_' or '-', "
                + "for example 1234567_SB1.");
        }

        if (!string.IsNullOrWhiteSpace(options.RestBaseUrl)
            && !(Uri.TryCreate(options.RestBaseUrl, UriKind.Absolute, out var uri)
                 && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{SectionName}:RestBaseUrl '{options.RestBaseUrl}' is invalid: set an absolute http or "
                + "https URL, or leave it empty to use the account's own host.");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 600)
        {
            failures.Add(
                $"{SectionName}:RequestTimeoutSeconds is {options.RequestTimeoutSeconds}: set 1 to 600 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireValue(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{SectionName}:{key} is missing: {SourceOf(key)}.");
        }
    }

    // Where each credential comes from in NetSuite, so the message tells the operator what to do next.
    private static string SourceOf(string key) => key switch
    {
        "AccountId" => "set it to the account id shown under Setup > Company > Company Information (for example 1234567_SB1)",
        "ConsumerKey" or "ConsumerSecret" => "set it from the integration record (Setup > Integration > Manage Integrations)",
        _ => "set it from the access token (Setup > Users/Roles > Access Tokens)",
    };

    private const string SectionName = NetSuiteOptions.SectionName;
}
