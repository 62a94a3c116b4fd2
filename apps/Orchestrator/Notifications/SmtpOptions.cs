using System.ComponentModel.DataAnnotations;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>Settings of the <c>Smtp</c> section: the relay that sends error emails to the operations team.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>SMTP host; empty turns email off (failures are still recorded and logged).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Whether to require STARTTLS (or TLS on connect for port 465).</summary>
    public bool UseTls { get; set; } = true;

    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>; a secret, never logged.</summary>
    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "daprsync@localhost";

    /// <summary>Recipients per flow (<c>Smtp:Recipients:invoice:0</c>), with <c>default</c> for flows not listed.</summary>
    public Dictionary<string, List<string>> Recipients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> RecipientsFor(string flow) =>
        Recipients.TryGetValue(flow, out var list) && list.Count > 0 ? list
            : Recipients.TryGetValue("default", out var fallback) ? fallback
            : [];
}
