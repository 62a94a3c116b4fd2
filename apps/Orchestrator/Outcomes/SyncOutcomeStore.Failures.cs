namespace DaprSync.Orchestrator.Outcomes;

/// <summary>The failure side of the store: listing, resolving, status changes and report markers.</summary>
public sealed partial class SyncOutcomeStore
{
    /// <summary>
    /// Flows listed even before they record their first outcome, so that their failures are found in state
    /// written before the flows index existed.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownFlows = ["customer", "order", "payment", "invoice", "refund"];

    /// <summary>Lists the flows that have recorded outcomes, with <see cref="KnownFlows"/>, ordered by name.</summary>
    public async Task<IReadOnlyList<string>> ListFlowsAsync(CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync<List<string>>(FlowsKey, cancellationToken);
        return [.. (stored?.Value ?? []).Union(KnownFlows, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Lists failures (outcomes with a <see cref="SyncOutcome.Status"/>) of one flow or of every flow, optionally
    /// only those with <paramref name="status"/>, ordered by flow and record id.
    /// </summary>
    public async Task<IReadOnlyList<SyncOutcome>> ListFailuresAsync(
        string? flow, string? status, CancellationToken cancellationToken)
    {
        var flows = string.IsNullOrWhiteSpace(flow) ? await ListFlowsAsync(cancellationToken) : [flow];
        var failures = new List<SyncOutcome>();
        foreach (var name in flows)
        {
            var outcomes = await ListAsync(name, cancellationToken);
            failures.AddRange(outcomes.Where(o => o.Status is not null && (status is null || o.Status == status)));
        }

        return failures;
    }

    /// <summary>Lists the open failures (<c>Open</c> or <c>Retried</c>) of a flow.</summary>
    public async Task<IReadOnlyList<SyncOutcome>> ListOpenFailuresAsync(string flow, CancellationToken cancellationToken) =>
        [.. (await ListAsync(flow, cancellationToken)).Where(o => o.IsOpenFailure)];

    /// <summary>
    /// Resolves the open failure of a record that a later run synced, for flows that record only failures
    /// (the pollers). Returns false, and writes nothing, when the record has no open failure.
    /// </summary>
    public async Task<bool> ResolveAsync(
        string flow, string recordId, CancellationToken cancellationToken, string? netSuiteId = null)
    {
        var updated = await UpdateAsync(flow, recordId, outcome => outcome.IsOpenFailure
            ? outcome with
            {
                Outcome = SyncOutcomes.Synced,
                NetSuiteId = netSuiteId ?? outcome.NetSuiteId,
                ErrorCode = null,
                Message = null,
                Field = null,
                Attempts = outcome.Attempts + 1,
                LastSeen = time.GetUtcNow(),
                Status = FailureStatus.Resolved,
                Retry = null,
                ResolvedAt = time.GetUtcNow(),
            }
            : null, cancellationToken);
        return updated is not null;
    }

    /// <summary>
    /// Sets the status of a failure, for an operator's retry (<c>Retried</c>) or resolution by hand
    /// (<c>Resolved</c>, which keeps the error fields as the record of what failed). Returns the outcome as
    /// stored, or null when the record has no failure.
    /// </summary>
    public Task<SyncOutcome?> SetStatusAsync(
        string flow, string recordId, string status, CancellationToken cancellationToken)
    {
        if (!FailureStatus.IsValid(status))
        {
            throw new ArgumentException($"Failure status '{status}' is invalid; use Open, Retried or Resolved.", nameof(status));
        }

        return UpdateAsync(flow, recordId, outcome => outcome.Status is null
            ? null
            : outcome with
            {
                Status = status,
                ResolvedAt = status == FailureStatus.Resolved ? time.GetUtcNow() : null,
            }, cancellationToken);
    }

    /// <summary>
    /// Marks open failures as listed in a failure email and returns those that were not listed before, so a
    /// caller that sends only the returned ones lists each failure once.
    /// </summary>
    public async Task<IReadOnlyList<SyncOutcome>> MarkReportedAsync(
        string flow, IEnumerable<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var newlyReported = new List<SyncOutcome>();
        foreach (var recordId in recordIds.Distinct(StringComparer.Ordinal))
        {
            var marked = await UpdateAsync(flow, recordId, outcome => outcome.IsOpenFailure && !outcome.IsReported
                ? outcome with { ReportedAt = time.GetUtcNow() }
                : null, cancellationToken);
            if (marked is not null)
            {
                newlyReported.Add(marked);
            }
        }

        return newlyReported;
    }

    // Applies change to the stored outcome under its ETag; a null result from change leaves it as it is.
    private async Task<SyncOutcome?> UpdateAsync(
        string flow, string recordId, Func<SyncOutcome, SyncOutcome?> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        var key = OutcomeKey(flow, recordId);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var existing = await state.GetAsync<SyncOutcome>(key, cancellationToken);
            var changed = existing is null ? null : change(existing.Value);
            if (changed is null)
            {
                return null;
            }

            if (await state.TrySaveAsync(key, changed, existing!.ETag, cancellationToken: cancellationToken))
            {
                return changed;
            }

            logger.StateConflictRetried(key, attempt);
        }

        throw new InvalidOperationException(
            $"Outcome of {flow} record {recordId} was not updated: {MaxConflictRetries} ETag conflicts in a row.");
    }
}
