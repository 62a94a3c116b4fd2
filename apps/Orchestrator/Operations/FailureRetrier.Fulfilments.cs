using System.Text.Json;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Fulfilments;
using DaprSync.Orchestrator.Outcomes;
using Refit;

namespace DaprSync.Orchestrator.Operations;

/// <summary>The retry of a fulfilment failure: the Order's fulfilments as they are known now, sent again.</summary>
public sealed partial class FailureRetrier
{
    /// <summary>Poller name under which fulfilment failures are recorded.</summary>
    public const string FulfilmentPoller = "fulfilment";

    private async Task<RetryResult> ResendFulfilmentsAsync(
        SyncOutcome failure, RetryRequest retry, CancellationToken cancellationToken)
    {
        // The stored update is the Order's state at the failed run. A later run may have changed other
        // fulfilments of that Order, so the retry rebuilds the update from the fulfilments known now.
        var stored = JsonSerializer.Deserialize<OrderFulfilmentUpdate>(retry.Payload, JsonSerializerOptions.Web)
            ?? throw new RetryRejectedException(
                StatusCodes.Status422UnprocessableEntity, "Failure cannot be retried", "The stored fulfilment update is empty.");
        var store = services.GetRequiredService<OrderFulfilmentStore>();
        var known = await store.GetOrderAsync(stored.OrderNetSuiteId, cancellationToken);
        var update = OrderFulfilmentAggregate.Build(stored.OrderNetSuiteId, known, failure.RecordId);

        BatchUpsertResponse response;
        try
        {
            response = await services.GetRequiredService<ISalesforceSapi>()
                .UpdateOrderFulfilmentsAsync([update], cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException)
        {
            OperationsLog.RetryFailedTransiently(logger, exception, failure.Flow, failure.RecordId);
            throw new RetryRejectedException(
                StatusCodes.Status503ServiceUnavailable,
                "Retry failed",
                $"The Salesforce System API did not take the fulfilments of sales order {stored.OrderNetSuiteId} "
                + $"(fulfilment {failure.RecordId}): {exception.Message} Try again later.");
        }

        var result = response.Results.FirstOrDefault(r => r.Index == 0);
        if (result?.Success == true)
        {
            await outcomes.ResolveAsync(failure.Flow, failure.RecordId, cancellationToken);
            var resolved = await outcomes.GetAsync(failure.Flow, failure.RecordId, cancellationToken);
            return new RetryResult(failure.Flow, failure.RecordId, "Fulfilments sent again: Synced", resolved);
        }

        var error = result?.Errors.FirstOrDefault();
        var again = RecordResult.Failed(
            failure.RecordId,
            error?.StatusCode ?? "MISSING_RESULT",
            error?.Message ?? "Salesforce returned no result for this Order.",
            error?.Fields.FirstOrDefault()) with { Retry = retry };
        var recorded = await outcomes.RecordAsync(failure.Flow, again, cancellationToken);
        return new RetryResult(failure.Flow, failure.RecordId, "Fulfilments sent again: Failed", recorded);
    }
}
