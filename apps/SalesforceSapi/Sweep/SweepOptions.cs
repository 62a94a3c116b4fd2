using System.ComponentModel.DataAnnotations;

namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>Settings of the <c>Salesforce:Sweep</c> section, for the catch-up sweep and the backfill.</summary>
public sealed class SweepOptions
{
    public const string SectionName = "Salesforce:Sweep";

    /// <summary>
    /// Order <c>Status</c> that queues an Order for NetSuite, the value the Order trigger reads from its
    /// custom metadata setting.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string OrderQueuedStatus { get; set; } = "Activated";

    /// <summary>
    /// How far before the last event seen a catch-up sweep starts. A record saved just before that event can
    /// have its own event published just after it, so the sweep reads this much further back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);
}
