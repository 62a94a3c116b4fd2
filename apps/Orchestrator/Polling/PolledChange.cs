using DaprSync.Contracts.NetSuite;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// A NetSuite transaction that a poller read: either the record as modified, or its entry in the deleted-record
/// table. Exactly one of <see cref="Record"/> and <see cref="Deletion"/> is set.
/// </summary>
public sealed record PolledChange<TRecord>(TRecord? Record, NetSuiteDeletedTransaction? Deletion)
    where TRecord : class
{
    /// <summary>The status a deletion reaches Salesforce with, so it shows as a status rather than as silence.
    /// Only a record that Salesforce already has gets it; see <see cref="TransactionBatchSink{TRecord, TUpsert}"/>.
    /// </summary>
    public const string DeletedStatus = "Deleted";

    public static PolledChange<TRecord> Modified(TRecord record) =>
        new(record ?? throw new ArgumentNullException(nameof(record)), null);

    public static PolledChange<TRecord> Deleted(NetSuiteDeletedTransaction deletion) =>
        new(null, deletion ?? throw new ArgumentNullException(nameof(deletion)));
}

/// <summary>
/// The NetSuite side of a transaction poller: its modified records through one System API read, then its
/// deletions of the given type codes through <c>GET /deleted-transactions</c>, over the same window.
/// </summary>
public abstract class TransactionSource<TRecord>(INetSuiteSapi netSuite) : IPollerSource<PolledChange<TRecord>>
    where TRecord : class
{
    protected INetSuiteSapi NetSuite { get; } = netSuite ?? throw new ArgumentNullException(nameof(netSuite));

    /// <summary>NetSuite type codes whose deletions belong to this poller, for example <c>CustInvc</c>.</summary>
    protected abstract IReadOnlyList<string> DeletedTypes { get; }

    /// <summary>Plural noun for error messages, for example <c>invoices</c>.</summary>
    protected abstract string RecordsName { get; }

    public async Task<PollerPage<PolledChange<TRecord>>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await Transient.RunAsync(
            $"Reading NetSuite {RecordsName}",
            () => ReadModifiedAsync(since, until, pageSize, cursor, cancellationToken),
            cancellationToken);
        return new PollerPage<PolledChange<TRecord>>(
            [.. page.Records.Select(PolledChange<TRecord>.Modified)], page.HasMore, page.Cursor);
    }

    public async Task<PollerPage<PolledChange<TRecord>>> ReadDeletedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var types = string.Join(',', DeletedTypes);
        var page = await Transient.RunAsync(
            $"Reading deleted NetSuite {RecordsName}",
            () => NetSuite.ListDeletedTransactionsAsync(types, since, until, pageSize, cursor, cancellationToken),
            cancellationToken);
        return new PollerPage<PolledChange<TRecord>>(
            [.. page.Items.Select(PolledChange<TRecord>.Deleted)], page.HasMore, page.Cursor);
    }

    public PolledKey KeyOf(PolledChange<TRecord> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Deletion is { } deletion
            ? new PolledKey(deletion.InternalId, deletion.DeletedDate)
            : KeyOfRecord(record.Record!);
    }

    /// <summary>Reads one page of modified records through the System API.</summary>
    protected abstract Task<PollerPage<TRecord>> ReadModifiedAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken);

    protected abstract PolledKey KeyOfRecord(TRecord record);
}
