using System.ComponentModel.DataAnnotations;

namespace DaprSync.Orchestrator.Orders;

/// <summary>Settings of the <c>OrderSync</c> section: retries of the order workflow and event dedupe.</summary>
public sealed class OrderSyncOptions
{
    public const string SectionName = "OrderSync";

    /// <summary>
    /// Attempts of each workflow activity on a transient failure, the first one included. Ten attempts with the
    /// default backoff ride out about five minutes of NetSuite or Salesforce trouble before the order is marked Failed.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first retry of an activity; each later wait doubles up to <see cref="MaxRetryInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts of an activity.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a processed event id is kept to drop redeliveries of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a delivery claims its event id while it starts the workflow. A duplicate that arrives meanwhile
    /// gets RETRY. If the claiming delivery dies, the claim lapses after this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan EventClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the flag that requests one more run of a running workflow is kept. It outlives any run,
    /// and lapses by itself when no run takes it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RerunFlagRetention { get; set; } = TimeSpan.FromDays(1);

    public OrderRetrySettings ToRetrySettings() => new(MaxAttempts, FirstRetryInterval, MaxRetryInterval);
}
