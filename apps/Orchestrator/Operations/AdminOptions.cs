using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Operations;

/// <summary>Settings of the admin API and the status page, in the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Environment variable through which Dapr gives an app the token its sidecar sends.</summary>
    public const string DaprApiTokenVariable = "APP_API_TOKEN";

    /// <summary>
    /// Token that admin requests must carry. When empty, <c>APP_API_TOKEN</c> is used; when both are empty
    /// the admin API returns 404.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>The token in force, or null when the admin API is disabled.</summary>
    public string? EffectiveToken { get; set; }
}

/// <summary>Fills <see cref="AdminOptions.EffectiveToken"/> from <c>Admin:ApiToken</c> or <c>APP_API_TOKEN</c>.</summary>
internal sealed class AdminOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<AdminOptions>
{
    public void PostConfigure(string? name, AdminOptions options)
    {
        var token = string.IsNullOrWhiteSpace(options.ApiToken)
            ? configuration[AdminOptions.DaprApiTokenVariable]
            : options.ApiToken;
        options.EffectiveToken = string.IsNullOrWhiteSpace(token) ? null : token;
    }
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    /// <summary>Shortest accepted <c>Admin:ApiToken</c>; 16 characters of a random token resist guessing.</summary>
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (options.ApiToken is { } token && token.Length > 0 && token.Trim().Length < MinTokenLength)
        {
            return ValidateOptionsResult.Fail(
                $"Admin:ApiToken is {token.Trim().Length} characters long: set at least {MinTokenLength}, "
                + "or leave it empty to disable the admin API.");
        }

        return ValidateOptionsResult.Success;
    }
}
