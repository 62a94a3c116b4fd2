namespace DaprSync.Contracts.Salesforce;

/// <summary>
/// Outcome of one NetSuite id of a deletion batch. <see cref="Skipped"/> is set, with <see cref="Success"/>, when
/// Salesforce has no record with that NetSuite id, so nothing was written; <see cref="Id"/> is the updated record.
/// </summary>
public sealed record DeletionMarkResult(
    int Index,
    string NetSuiteId,
    string? Id,
    bool Success,
    bool Skipped,
    IReadOnlyList<SalesforceRecordError> Errors);

/// <summary>Per-id outcomes of a deletion batch in request order, with the updated, skipped and failed
/// counts.</summary>
public sealed record DeletionMarkResponse(
    int Updated, int Skipped, int Failed, IReadOnlyList<DeletionMarkResult> Results);
