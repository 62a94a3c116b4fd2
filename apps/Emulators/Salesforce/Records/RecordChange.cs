namespace DaprSync.SalesforceEmulator.Records;

/// <summary>Whether a change created a record or updated one.</summary>
public enum RecordChangeKind
{
    Created,
    Updated,
}

/// <summary>
/// A committed change to one record, raised after the write so that listeners (the Platform Event
/// triggers) see the stored state. <see cref="ChangedFields"/> uses canonical API names.
/// </summary>
public sealed record RecordChange(
    string SObjectType,
    string Id,
    RecordChangeKind Kind,
    IReadOnlySet<string> ChangedFields,
    bool ByIntegrationUser,
    DateTimeOffset At);

/// <summary>Receives every committed record change; the emulator's stand-in for Apex triggers.</summary>
public interface IRecordChangeListener
{
    void OnRecordChanged(RecordChange change);
}
