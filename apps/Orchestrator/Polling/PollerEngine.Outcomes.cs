using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Polling;

/// <summary>
/// The pollers' failure records: a failed record is recorded under the poller's name with its mapped upsert,
/// so an operator can retry it, and a record that a later run upserts resolves its open failure. Without an
/// outcome store (unit tests that build the engine by hand) both are skipped.
/// </summary>
public sealed partial class PollerEngine
{
    internal async Task RecordFailureAsync(
        string poller, string recordType, FailedRecord failure, string? upsertJson, CancellationToken cancellationToken)
    {
        if (outcomes is null || failure.NetSuiteId is null)
        {
            return;
        }

        var result = new RecordResult(
            failure.NetSuiteId, SyncOutcomes.Failed, failure.NetSuiteId, failure.ErrorCode, failure.Message)
        {
            RecordType = recordType,
            Retry = upsertJson is null ? null : RetryRequest.ForSalesforceUpsert(poller, upsertJson),
        };
        await outcomes.RecordAsync(poller, result, cancellationToken);
    }

    /// <summary>The records that have an outcome under this poller: only those can have a failure to resolve.</summary>
    internal async Task<IReadOnlySet<string>> RecordsWithOutcomesAsync(string poller, CancellationToken cancellationToken) =>
        outcomes is null ? new HashSet<string>() : await outcomes.ListRecordIdsAsync(poller, cancellationToken);

    internal async Task ResolveFailureAsync(string poller, string netSuiteId, CancellationToken cancellationToken)
    {
        if (outcomes is not null)
        {
            await outcomes.ResolveAsync(poller, netSuiteId, cancellationToken, netSuiteId);
        }
    }
}
