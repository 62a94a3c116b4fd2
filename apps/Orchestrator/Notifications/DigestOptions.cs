using System.ComponentModel.DataAnnotations;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>
/// Settings of the <c>Notifications:Digest</c> section: the one email per interval that lists new failures
/// of the event-driven flows. Recipients are the <c>Smtp</c> section's, under the flow name <c>digest</c>.
/// </summary>
public sealed class DigestOptions
{
    public const string SectionName = "Notifications:Digest";

    /// <summary>Flow name under which <c>Smtp:Recipients</c> lists the digest's recipients.</summary>
    public const string RecipientFlow = "digest";

    /// <summary>Time between two digests; the first is sent one interval after the start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Flows whose failures the digest lists.</summary>
    [MinLength(1)]
    public List<string> Flows { get; set; } = ["customer", "order", "payment"];
}
