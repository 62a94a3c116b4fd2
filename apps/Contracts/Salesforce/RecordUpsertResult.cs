namespace DaprSync.Contracts.Salesforce;

/// <summary>One Salesforce error of a record: its code (such as <c>INVALID_FIELD</c>), message and fields.</summary>
public sealed record SalesforceRecordError(string StatusCode, string Message, IReadOnlyList<string> Fields);

/// <summary>
/// Outcome of one record of a batch upsert. <see cref="Index"/> is the record's position in the request,
/// <see cref="Key"/> its external id value, and <see cref="Id"/> the Salesforce id when it was saved.
/// </summary>
public sealed record RecordUpsertResult(
    int Index,
    string? Key,
    string? Id,
    bool Success,
    bool Created,
    IReadOnlyList<SalesforceRecordError> Errors);

/// <summary>Per-record outcomes of a batch upsert in request order, with the saved and failed counts.</summary>
public sealed record BatchUpsertResponse(int Saved, int Failed, IReadOnlyList<RecordUpsertResult> Results);
