namespace DaprSync.Orchestrator.Outcomes;

/// <summary>
/// The latest result of syncing one record in one flow. A failure stays until a later attempt
/// succeeds, which replaces it with <see cref="SyncOutcomes.Synced"/> and clears the error fields.
/// </summary>
public sealed record SyncOutcome(
    string Flow,
    string RecordId,
    string Outcome,
    string? NetSuiteId,
    string? ErrorCode,
    string? Message,
    string? Field,
    int Attempts,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);

/// <summary>Values of <see cref="SyncOutcome.Outcome"/>.</summary>
public static class SyncOutcomes
{
    public const string Synced = "Synced";
    public const string Failed = "Failed";
}

/// <summary>What a flow reports about one record, before attempts and timestamps are added.</summary>
public sealed record RecordResult(
    string RecordId,
    string Outcome,
    string? NetSuiteId,
    string? ErrorCode = null,
    string? Message = null,
    string? Field = null)
{
    public static RecordResult Synced(string recordId, string netSuiteId) =>
        new(recordId, SyncOutcomes.Synced, netSuiteId);

    public static RecordResult Failed(string recordId, string errorCode, string message, string? field) =>
        new(recordId, SyncOutcomes.Failed, null, errorCode, message, field);
}
