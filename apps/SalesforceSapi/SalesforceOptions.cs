using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi;

/// <summary>OAuth 2.0 flows that sf-sapi can authenticate with.</summary>
public enum SalesforceAuthFlow
{
    /// <summary>Client credentials: the connected app's consumer key and secret, run as its configured user.</summary>
    ClientCredentials,

    /// <summary>JWT bearer: an RS256 assertion signed with the connected app's private key, for one username.</summary>
    JwtBearer,
}

/// <summary>Settings of the <c>Salesforce</c> section: the connected app and the REST API version.</summary>
public sealed class SalesforceOptions
{
    public const string SectionName = "Salesforce";

    /// <summary>The OAuth flow, <c>ClientCredentials</c> (the default) or <c>JwtBearer</c>.</summary>
    public SalesforceAuthFlow AuthFlow { get; set; } = SalesforceAuthFlow.ClientCredentials;

    /// <summary>Username the JWT bearer flow signs in as (the assertion's <c>sub</c>).</summary>
    public string Username { get; set; } = "";

    /// <summary>
    /// Path of the PEM file with the connected app's RSA private key, for the JWT bearer flow. Mount it from a
    /// secret store. The key is never logged.
    /// </summary>
    public string PrivateKeyPath { get; set; } = "";

    /// <summary>
    /// Login host, for example <c>https://login.salesforce.com</c> or <c>https://test.salesforce.com</c>.
    /// </summary>
    public string LoginUrl { get; set; } = "";

    /// <summary>Consumer key of the connected app, which is also the JWT assertion's <c>iss</c>.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Consumer secret of the connected app, for the client credentials flow. It is never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>REST API version without the leading v, for example <c>62.0</c>.</summary>
    public string ApiVersion { get; set; } = "62.0";

    /// <summary>
    /// Rows per batch of a SOQL query, sent as <c>Sforce-Query-Options: batchSize</c>. Salesforce accepts
    /// 200 to 2000 and may return smaller batches.
    /// </summary>
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>
    /// Seconds to send no requests after Salesforce returns <c>403 REQUEST_LIMIT_EXCEEDED</c>. Calls in that
    /// time fail at once with 503 and that code.
    /// </summary>
    public int LimitBackoffSeconds { get; set; } = 300;

    /// <summary>Timeout of one HTTP request to Salesforce, in seconds.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}

/// <summary>Rejects an incomplete or malformed <c>Salesforce</c> section at start, naming the key.</summary>
internal sealed partial class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    private const string Section = SalesforceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var failures = new List<string>();
        var isAbsolute = Uri.TryCreate(options.LoginUrl, UriKind.Absolute, out var loginUrl);
        if (!isAbsolute || loginUrl!.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}:LoginUrl must be an absolute http(s) URL such as "
                + $"https://login.salesforce.com, got '{options.LoginUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Section}:ClientId is missing: set it to the connected app's consumer key.");
        }

        if (options.AuthFlow == SalesforceAuthFlow.ClientCredentials && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Section}:ClientSecret is missing: set it to the connected app's consumer secret.");
        }

        if (options.AuthFlow == SalesforceAuthFlow.JwtBearer)
        {
            if (string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add($"{Section}:Username is missing: the JWT bearer flow needs the user to sign in as.");
            }

            if (!File.Exists(options.PrivateKeyPath))
            {
                failures.Add($"{Section}:PrivateKeyPath must name a PEM file with the connected app's private key, "
                    + $"got '{options.PrivateKeyPath}'.");
            }
        }

        if (!Enum.IsDefined(options.AuthFlow))
        {
            failures.Add($"{Section}:AuthFlow must be ClientCredentials or JwtBearer, got '{options.AuthFlow}'.");
        }

        if (!ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"{Section}:ApiVersion must look like 62.0, got '{options.ApiVersion}'.");
        }

        if (options.QueryBatchSize is < 200 or > 2000)
        {
            failures.Add($"{Section}:QueryBatchSize must be between 200 and 2000, got {options.QueryBatchSize}.");
        }

        if (options.LimitBackoffSeconds < 0)
        {
            failures.Add($"{Section}:LimitBackoffSeconds must be zero or positive, got {options.LimitBackoffSeconds}.");
        }

        if (options.RequestTimeoutSeconds <= 0)
        {
            failures.Add($"{Section}:RequestTimeoutSeconds must be positive, got {options.RequestTimeoutSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{2,3}\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
