namespace DaprSync.Contracts.Events;

/// <summary>A problem a System API met outside a request (for example an expired replay id).</summary>
public sealed record SyncProblemEvent(
    string Source,
    string Code,
    string Message,
    string? RecordType,
    string? RecordId,
    DateTimeOffset OccurredAt);
