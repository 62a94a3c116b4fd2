namespace DaprSync.Orchestrator.Polling;

/// <summary>Settings of one poller (section <c>Pollers:{name}</c>, for example <c>Pollers:invoice</c>).</summary>
public sealed class PollerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Records per NetSuite page: 1 to 1000, the SuiteQL maximum.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Records per Salesforce upsert call: 1 to 200, the sObject Collections maximum.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How far before the watermark each run reads again, for clock skew and late commits.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where a first run (or a reset) starts.</summary>
    public DateTimeOffset DefaultStart { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Any new value resets the watermark to <see cref="DefaultStart"/> on the next run, once.</summary>
    public string? ResetToken { get; set; }

    /// <summary>How long a run may hold the poller's lease; a holder that dies frees it after this time.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts for a page read or upsert that fails transiently, inside one run.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
}
