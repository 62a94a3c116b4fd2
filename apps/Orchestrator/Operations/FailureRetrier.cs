using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Operations;

/// <summary>How a retry went: <see cref="Action"/> names what was done, <see cref="Outcome"/> is the stored record.</summary>
public sealed record RetryResult(string Flow, string RecordId, string Action, SyncOutcome? Outcome);

/// <summary>A retry that could not be made; <see cref="StatusCode"/> is the HTTP status the admin API returns.</summary>
public sealed class RetryRejectedException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}

/// <summary>
/// Re-runs a flow for one failed record. The customer flow syncs the Account again in this request. An event
/// flow republishes the stored event or starts the order workflow. A poller record sends its stored upsert to
/// Salesforce again. A re-run that completes here updates the outcome itself; one that goes through the bus or
/// a workflow leaves the failure <c>Retried</c> until the flow records its result.
/// </summary>
public sealed partial class FailureRetrier(
    SyncOutcomeStore outcomes,
    FlowPauseStore pauses,
    IServiceProvider services,
    ILogger<FailureRetrier> logger)
{
    /// <summary>Retries one failure; throws <see cref="RetryRejectedException"/> when it cannot be retried.</summary>
    public async Task<RetryResult> RetryAsync(string flow, string recordId, CancellationToken cancellationToken)
    {
        var failure = await outcomes.GetAsync(flow, recordId, cancellationToken);
        if (failure?.Status is null)
        {
            throw new RetryRejectedException(
                StatusCodes.Status404NotFound, "Failure not found", $"Flow {flow} has no failure for record {recordId}.");
        }

        if (await pauses.IsPausedAsync(flow, cancellationToken))
        {
            throw new RetryRejectedException(
                StatusCodes.Status409Conflict, "Flow paused", $"Flow {flow} is paused; resume it before retrying.");
        }

        var result = await RunAsync(failure, cancellationToken);
        OperationsLog.RetryRequested(logger, flow, recordId, result.Action);
        return result;
    }

    /// <summary>Retries every open failure of a flow, one at a time, and returns each result in record order.</summary>
    public async Task<IReadOnlyList<RetryResult>> RetryAllAsync(string flow, CancellationToken cancellationToken)
    {
        var results = new List<RetryResult>();
        foreach (var failure in await outcomes.ListOpenFailuresAsync(flow, cancellationToken))
        {
            try
            {
                results.Add(await RetryAsync(flow, failure.RecordId, cancellationToken));
            }
            catch (RetryRejectedException exception)
            {
                results.Add(new RetryResult(flow, failure.RecordId, $"Rejected: {exception.Message}", failure));
            }
        }

        return results;
    }

    private Task<RetryResult> RunAsync(SyncOutcome failure, CancellationToken cancellationToken)
    {
        if (failure.Flow == CustomerSynchronizer.Flow && !failure.RecordId.StartsWith("event:", StringComparison.Ordinal))
        {
            return ResyncAccountAsync(failure, cancellationToken);
        }

        return failure.Retry switch
        {
            { Kind: RetryKinds.Event } retry => RepublishAsync(failure, retry, cancellationToken),
            { Kind: RetryKinds.SalesforceUpsert, Target: FulfilmentPoller } retry =>
                ResendFulfilmentsAsync(failure, retry, cancellationToken),
            { Kind: RetryKinds.SalesforceUpsert } retry => ReupsertAsync(failure, retry, cancellationToken),
            null when failure.Flow == "order" => StartOrderWorkflowAsync(failure, cancellationToken),
            _ => throw new RetryRejectedException(
                StatusCodes.Status422UnprocessableEntity,
                "Failure cannot be retried",
                $"Flow {failure.Flow} record {failure.RecordId} has nothing stored to retry with; "
                + "fix it at the source, then resolve it by hand."),
        };
    }

    private async Task<RetryResult> ResyncAccountAsync(SyncOutcome failure, CancellationToken cancellationToken)
    {
        var synchronizer = services.GetRequiredService<CustomerSynchronizer>();
        try
        {
            var result = await synchronizer.SyncAsync(failure.RecordId, cancellationToken);
            var stored = await outcomes.GetAsync(failure.Flow, failure.RecordId, cancellationToken);
            return new RetryResult(failure.Flow, failure.RecordId, $"Synced again: {result.Outcome}", stored);
        }
        catch (TransientSyncException exception)
        {
            OperationsLog.RetryFailedTransiently(logger, exception, failure.Flow, failure.RecordId);
            throw new RetryRejectedException(
                StatusCodes.Status503ServiceUnavailable,
                "Retry failed transiently",
                $"Account {failure.RecordId}: {exception.Message} Try again later.");
        }
    }
}
