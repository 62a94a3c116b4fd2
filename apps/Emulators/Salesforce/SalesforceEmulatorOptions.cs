using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator;

/// <summary>A connected app's client credentials and the user its sessions run as.</summary>
public sealed class EmulatorClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Username of the run-as user, for example <c>integration@daprsync.example</c>.</summary>
    public string Username { get; set; } = "";

    /// <summary>Whether writes by this client count as the integration user's (no Platform Event echo).</summary>
    public bool IsIntegrationUser { get; set; }

    /// <summary>
    /// Path of a PEM certificate or RSA public key that verifies this client's JWT bearer assertions. Empty
    /// means the client cannot use the JWT bearer flow.
    /// </summary>
    public string CertificatePath { get; set; } = "";
}

/// <summary>Settings of the <c>SalesforceEmulator</c> section.</summary>
public sealed class SalesforceEmulatorOptions
{
    public const string SectionName = "SalesforceEmulator";

    /// <summary>The 18-character org id, which prefixes every access token.</summary>
    public string OrgId { get; set; } = Schema.SalesforceId.Create("00D", 1);

    /// <summary>
    /// The <c>instance_url</c> returned with each token. Empty means the scheme and host of the token
    /// request, which suits an emulator on an ephemeral port.
    /// </summary>
    public string? InstanceUrl { get; set; }

    /// <summary>
    /// Lifetime of an access token in minutes. The default of 120 is Salesforce's default session timeout.
    /// </summary>
    public int SessionTimeoutMinutes { get; set; } = 120;

    /// <summary>Daily REST API request allowance reported in <c>Sforce-Limit-Info</c> and enforced.</summary>
    public int DailyApiRequestLimit { get; set; } = 100_000;

    /// <summary>Connected apps. When none are configured, the integration and data-loading clients are used.</summary>
    public List<EmulatorClient> Clients { get; set; } = [];

    /// <summary>Clients used when <see cref="Clients"/> is empty. The secrets are for the emulator only.</summary>
    public static IReadOnlyList<EmulatorClient> DefaultClients { get; } =
    [
        new()
        {
            ClientId = "daprsync-integration",
            ClientSecret = "daprsync-integration-secret",
            Username = "integration@daprsync.example",
            IsIntegrationUser = true,
        },
        new()
        {
            ClientId = "daprsync-loader",
            ClientSecret = "daprsync-loader-secret",
            Username = "loader@daprsync.example",
            IsIntegrationUser = false,
        },
    ];
}

/// <summary>Rejects settings that would make the emulator misbehave, naming the configuration key.</summary>
internal sealed class SalesforceEmulatorOptionsValidator : IValidateOptions<SalesforceEmulatorOptions>
{
    private const string Section = SalesforceEmulatorOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SalesforceEmulatorOptions options)
    {
        var failures = new List<string>();
        var orgId = Schema.SalesforceId.Normalize(options.OrgId);
        if (orgId is null || !orgId.StartsWith("00D", StringComparison.Ordinal))
        {
            failures.Add(
                $"{Section}:OrgId must be a 15- or 18-character org id starting with 00D, got '{options.OrgId}'.");
        }

        if (!string.IsNullOrEmpty(options.InstanceUrl) && !Uri.TryCreate(options.InstanceUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{Section}:InstanceUrl must be an absolute URL, got '{options.InstanceUrl}'.");
        }

        if (options.SessionTimeoutMinutes <= 0)
        {
            failures.Add($"{Section}:SessionTimeoutMinutes must be positive, got {options.SessionTimeoutMinutes}.");
        }

        if (options.DailyApiRequestLimit <= 0)
        {
            failures.Add($"{Section}:DailyApiRequestLimit must be positive, got {options.DailyApiRequestLimit}.");
        }

        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add($"{Section}:Clients:{i}:ClientId is missing.");
            }

            if (string.IsNullOrWhiteSpace(client.ClientSecret))
            {
                failures.Add($"{Section}:Clients:{i}:ClientSecret is missing.");
            }

            if (string.IsNullOrWhiteSpace(client.Username))
            {
                failures.Add($"{Section}:Clients:{i}:Username is missing.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
