using System.ComponentModel.DataAnnotations;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>Settings of the <c>SalesforceEmulator:PubSub</c> section.</summary>
public sealed class PubSubEmulatorOptions
{
    public const string SectionName = "SalesforceEmulator:PubSub";

    /// <summary>
    /// Quiet time after which a subscription receives a keepalive response with no events. Salesforce
    /// sends one within 270 seconds; tests set a shorter period.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(270);

    /// <summary>How long published events stay on the bus for replay; Salesforce keeps them 72 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Order <c>Status</c> that queues an Order for fulfilment: an Order created with it, or updated to
    /// it from another status, publishes <c>Create_NS_Order__e</c>. The metadata package reads the same
    /// value from its custom metadata setting.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string OrderQueuedStatus { get; set; } = "Activated";
}
