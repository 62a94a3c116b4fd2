using System.Text.Json.Serialization;

namespace DaprSync.Orchestrator.Outcomes;

/// <summary>
/// The latest result of syncing one record in one flow. A failure stays until a later attempt
/// succeeds, which replaces it with <see cref="SyncOutcomes.Synced"/>, clears the error fields and
/// sets <see cref="Status"/> to <see cref="FailureStatus.Resolved"/>.
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
    DateTimeOffset LastSeen)
{
    /// <summary>Record type in the source system, for example <c>Account</c> or <c>Invoice</c>.</summary>
    public string? RecordType { get; init; }

    /// <summary>Salesforce id of the record, when the flow has it.</summary>
    public string? SalesforceId { get; init; }

    /// <summary>
    /// Failure lifecycle (<see cref="FailureStatus"/>); null for a record that has never failed.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>What an operator's retry sends again; null when the flow re-runs from the record id alone.</summary>
    public RetryRequest? Retry { get; init; }

    /// <summary>When a failure email first listed this failure; reset when the record fails again after a fix.</summary>
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>When the failure was resolved, by a later sync or by hand.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    [JsonIgnore]
    public bool IsReported => ReportedAt is not null;

    /// <summary>True while the failure waits for a fix: status <c>Open</c> or <c>Retried</c>.</summary>
    [JsonIgnore]
    public bool IsOpenFailure => Status is FailureStatus.Open or FailureStatus.Retried;
}

/// <summary>Values of <see cref="SyncOutcome.Outcome"/>.</summary>
public static class SyncOutcomes
{
    public const string Synced = "Synced";
    public const string Failed = "Failed";
}

/// <summary>Values of <see cref="SyncOutcome.Status"/>.</summary>
public static class FailureStatus
{
    /// <summary>The last attempt failed and no one has retried or resolved it yet.</summary>
    public const string Open = "Open";

    /// <summary>An operator requested a retry whose result has not come back yet.</summary>
    public const string Retried = "Retried";

    /// <summary>A later attempt synced the record, or an operator resolved it by hand.</summary>
    public const string Resolved = "Resolved";

    public static bool IsValid(string? status) => status is Open or Retried or Resolved;
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
    /// <summary>Record type in the source system; kept from the earlier outcome when null.</summary>
    public string? RecordType { get; init; }

    /// <summary>Salesforce id of the record; kept from the earlier outcome when null.</summary>
    public string? SalesforceId { get; init; }

    /// <summary>What a retry of this failure sends again; kept from the earlier outcome when null.</summary>
    public RetryRequest? Retry { get; init; }

    public static RecordResult Synced(string recordId, string netSuiteId) =>
        new(recordId, SyncOutcomes.Synced, netSuiteId);

    public static RecordResult Failed(string recordId, string errorCode, string message, string? field) =>
        new(recordId, SyncOutcomes.Failed, null, errorCode, message, field);
}
