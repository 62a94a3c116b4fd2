namespace DaprSync.Orchestrator.Polling;

/// <summary>One page read from NetSuite; <see cref="Cursor"/> continues the same read while <see cref="HasMore"/>.</summary>
public sealed record PollerPage<T>(IReadOnlyList<T> Records, bool HasMore, string? Cursor);

/// <summary>The identity of a polled record: its NetSuite internal id and last modification.</summary>
public readonly record struct PolledKey(string Id, DateTimeOffset LastModified);

/// <summary>What Salesforce did with one record of an upsert batch.</summary>
public sealed record SinkOutcome(string Id, bool Success, string? ErrorCode, string? Message, string? SalesforceReference)
{
    /// <summary>The mapped Salesforce upsert of a failed record as JSON, which an operator's retry sends again.</summary>
    public string? UpsertJson { get; init; }
}

/// <summary>Reads records modified in a window, page by page (the NetSuite side of a poller).</summary>
public interface IPollerSource<T>
{
    /// <summary>
    /// Reads one page of records modified in [<paramref name="since"/>, <paramref name="until"/>];
    /// <paramref name="cursor"/> is null for the first page.
    /// </summary>
    Task<PollerPage<T>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one page of the poller's records deleted in the same window, each as a record whose status the sink
    /// writes as <c>Deleted</c>. The engine calls it after the last page of <see cref="ReadAsync"/>.
    /// </summary>
    Task<PollerPage<T>> ReadDeletedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken);

    /// <summary>The record's id and its last modification, or its deletion time for a deleted record.</summary>
    PolledKey KeyOf(T record);
}

/// <summary>Writes a batch of at most 200 records to Salesforce and reports each record's outcome.</summary>
public interface IPollerSink<T>
{
    Task<IReadOnlyList<SinkOutcome>> UpsertAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken);
}

/// <summary>
/// A failure that stops the run and keeps its watermark, so the next run reads the window again. A transient
/// one (timeout, 5xx, 429) is retried inside the run first; a <see cref="Permanent"/> one (the System API
/// rejected the whole read) is not.
/// </summary>
public sealed class TransientPollerException(string message, Exception? inner = null, bool permanent = false)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
