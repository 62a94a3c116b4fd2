using System.ComponentModel.DataAnnotations;

namespace DaprSync.NetSuiteEmulator;

/// <summary>
/// Settings of the <c>NetSuiteEmulator</c> section: the one Token-Based Authentication integration and token the
/// emulator accepts. The defaults are the sandbox credentials, which are not secret.
/// </summary>
public sealed class NetSuiteEmulatorOptions
{
    public const string SectionName = "NetSuiteEmulator";

    /// <summary>Account id in either form (<c>1234567_SB1</c> or <c>1234567-sb1</c>), which the realm must
    /// match.</summary>
    [Required]
    public string AccountId { get; set; } = "1234567_SB1";

    [Required]
    public string ConsumerKey { get; set; } = "sandbox-consumer-key";

    [Required]
    public string ConsumerSecret { get; set; } = "sandbox-consumer-secret";

    [Required]
    public string TokenId { get; set; } = "sandbox-token-id";

    [Required]
    public string TokenSecret { get; set; } = "sandbox-token-secret";

    /// <summary>Maximum distance, in seconds, between <c>oauth_timestamp</c> and the emulator's clock.</summary>
    /// <remarks>NOTE: NetSuite does not publish its tolerance, so 300 seconds is an estimate.</remarks>
    [Range(1, 3600)]
    public int TimestampToleranceSeconds { get; set; } = 300;

    /// <summary>The account id in NetSuite's realm form: uppercase, with <c>_</c> for <c>-</c>.</summary>
    public string Realm => AccountId.Trim().ToUpperInvariant().Replace('-', '_');
}
