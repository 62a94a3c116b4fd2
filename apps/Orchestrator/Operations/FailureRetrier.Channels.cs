using System.Text.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.Orchestrator.Operations;

/// <summary>The retries that leave this request: republish, re-upsert and workflow start.</summary>
public sealed partial class FailureRetrier
{
    /// <summary>Workflow instance that the order flow runs per Salesforce Order.</summary>
    public const string OrderWorkflowName = "OrderSyncWorkflow";

    private async Task<RetryResult> RepublishAsync(SyncOutcome failure, RetryRequest retry, CancellationToken cancellationToken)
    {
        // Subscribers drop an event id they have processed, and a failed event was processed (recorded and
        // acknowledged), so the retry goes out under a new id in the payload and in the CloudEvent.
        var payload = JsonNode.Parse(retry.Payload);
        string? eventId = null;
        if (payload is JsonObject body && body["eventId"]?.GetValue<string>() is { } originalId)
        {
            eventId = $"{originalId}-retry-{Guid.NewGuid().ToString("N")[..8]}";
            body["eventId"] = eventId;
        }

        var publisher = services.GetRequiredService<IEventPublisher>();
        await publisher.PublishAsync(retry.Target, payload, eventId, cancellationToken);
        var stored = await outcomes.SetStatusAsync(failure.Flow, failure.RecordId, FailureStatus.Retried, cancellationToken);
        return new RetryResult(failure.Flow, failure.RecordId, $"Republished on {retry.Target}", stored);
    }

    private async Task<RetryResult> ReupsertAsync(SyncOutcome failure, RetryRequest retry, CancellationToken cancellationToken)
    {
        var salesforce = services.GetRequiredService<ISalesforceSapi>();
        BatchUpsertResponse response;
        try
        {
            response = retry.Target switch
            {
                "invoice" => await salesforce.UpsertInvoicesAsync([Deserialize<InvoiceUpsert>(retry)], cancellationToken),
                "refund" => await salesforce.UpsertRefundsAsync([Deserialize<RefundUpsert>(retry)], cancellationToken),
                _ => throw new RetryRejectedException(
                    StatusCodes.Status422UnprocessableEntity,
                    "Failure cannot be retried",
                    $"Stored upsert of {failure.Flow} record {failure.RecordId} names unknown poller '{retry.Target}'."),
            };
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException)
        {
            OperationsLog.RetryFailedTransiently(logger, exception, failure.Flow, failure.RecordId);
            throw new RetryRejectedException(
                StatusCodes.Status503ServiceUnavailable,
                "Retry failed",
                $"The Salesforce System API did not take the upsert of {failure.Flow} record {failure.RecordId}: "
                + $"{exception.Message} Try again later.");
        }

        var result = response.Results.FirstOrDefault(r => r.Index == 0);
        if (result?.Success == true)
        {
            await outcomes.ResolveAsync(failure.Flow, failure.RecordId, cancellationToken);
            var resolved = await outcomes.GetAsync(failure.Flow, failure.RecordId, cancellationToken);
            return new RetryResult(failure.Flow, failure.RecordId, "Upserted again: Synced", resolved);
        }

        var error = result?.Errors.FirstOrDefault();
        var again = RecordResult.Failed(
            failure.RecordId,
            error?.StatusCode ?? "MISSING_RESULT",
            error?.Message ?? "Salesforce returned no result for this record.",
            error?.Fields.FirstOrDefault());
        var stored = await outcomes.RecordAsync(failure.Flow, again, cancellationToken);
        return new RetryResult(failure.Flow, failure.RecordId, "Upserted again: Failed", stored);
    }

    private async Task<RetryResult> StartOrderWorkflowAsync(SyncOutcome failure, CancellationToken cancellationToken)
    {
        var scheduler = services.GetService<IWorkflowScheduler>() ?? throw new RetryRejectedException(
            StatusCodes.Status422UnprocessableEntity,
            "Failure cannot be retried",
            "The order workflow is not registered in this orchestrator.");
        var settings = services.GetRequiredService<IOptions<OrderSyncOptions>>().Value;
        var input = new OrderSyncInput(failure.RecordId, $"retry-{Guid.NewGuid():N}", settings.ToRetrySettings());
        var started = await scheduler.TryStartAsync(OrderWorkflowName, $"order-{failure.RecordId}", input, cancellationToken);
        var stored = await outcomes.SetStatusAsync(failure.Flow, failure.RecordId, FailureStatus.Retried, cancellationToken);
        var action = started ? $"Started workflow order-{failure.RecordId}" : $"Workflow order-{failure.RecordId} is already running";
        return new RetryResult(failure.Flow, failure.RecordId, action, stored);
    }

    private static T Deserialize<T>(RetryRequest retry) =>
        JsonSerializer.Deserialize<T>(retry.Payload, JsonSerializerOptions.Web)
        ?? throw new RetryRejectedException(
            StatusCodes.Status422UnprocessableEntity, "Failure cannot be retried", "The stored upsert payload is empty.");
}
