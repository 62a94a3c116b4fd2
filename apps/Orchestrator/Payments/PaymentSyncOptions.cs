using System.ComponentModel.DataAnnotations;

namespace DaprSync.Orchestrator.Payments;

/// <summary>Settings of the <c>PaymentSync</c> section: event dedupe of the payment flow.</summary>
public sealed class PaymentSyncOptions
{
    public const string SectionName = "PaymentSync";

    /// <summary>How long a processed event id is kept to drop redeliveries of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a delivery claims its event id while it works. A duplicate that arrives meanwhile gets RETRY.
    /// If the claiming delivery dies, the claim lapses after this time and the redelivered event is processed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan EventClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
