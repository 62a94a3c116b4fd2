namespace DaprSync.Orchestrator.Polling;

/// <summary>How a poller run ended; serialized by name in reports and the last-run endpoint.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PollerRunStatus>))]
public enum PollerRunStatus
{
    /// <summary>Every page was read; the watermark advanced.</summary>
    Completed,

    /// <summary>Another replica holds the lease, or the poller is disabled; nothing was read.</summary>
    Skipped,

    /// <summary>
    /// A transient failure persisted; the watermark stayed, so the next run reads the window again, from the last
    /// page this run finished.
    /// </summary>
    Repeating,

    /// <summary>
    /// The run could not renew its lease, so another run may have started; it stopped and kept the watermark.
    /// </summary>
    LeaseLost,
}

/// <summary>Figures of one poller run, logged at its end and kept as the poller's last run.</summary>
public sealed record PollerRunResult(
    string Poller,
    string RunId,
    PollerRunStatus Status,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Pages,
    int Read,
    int SkippedAsProcessed,
    int Upserted,
    int Failed,
    int UpsertCalls,
    DateTimeOffset WatermarkBefore,
    DateTimeOffset WatermarkAfter,
    TimeSpan Duration,
    DateTimeOffset FinishedAt)
{
    /// <summary>Pages read from NetSuite's deleted-record list, after the <see cref="Pages"/> of modified records.</summary>
    public int DeletionPages { get; init; }

    /// <summary>Deleted records read; they count in the skipped, upserted and failed figures too.</summary>
    public int DeletionsRead { get; init; }

    /// <summary>The interrupted run whose window this run finished from its checkpoint, or null.</summary>
    public string? ResumedRunId { get; init; }
}
