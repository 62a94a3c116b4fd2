using DaprSync.Contracts.Events;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Payments;

/// <summary>
/// Handles one delivery of <see cref="PaymentRecordedEvent"/>: creates or updates the NetSuite customer
/// payment keyed by the Salesforce Payment id and writes its id back to the <c>Payment__c</c>. A rejected
/// payment is written back as <c>Failed</c>, recorded and acknowledged; a transient failure requests
/// redelivery; a malformed event is recorded and dropped; an event id already processed is acknowledged.
/// </summary>
public sealed partial class PaymentRecordedHandler(
    INetSuiteSapi netSuite,
    ISalesforceSapi salesforce,
    SyncOutcomeStore outcomes,
    IStateStore state,
    IOptions<PaymentSyncOptions> options,
    TimeProvider time,
    ILogger<PaymentRecordedHandler> logger)
{
    /// <summary>Flow name under which payment outcomes are recorded.</summary>
    public const string Flow = "payment";

    /// <summary>Handles <paramref name="recorded"/>, which is null when the body was not a valid event.</summary>
    public async Task<TopicResponse> HandleAsync(
        PaymentRecordedEvent? recorded,
        string? cloudEventId,
        CancellationToken cancellationToken)
    {
        var eventId = string.IsNullOrWhiteSpace(recorded?.EventId) ? cloudEventId : recorded.EventId;
        if (recorded is null || string.IsNullOrWhiteSpace(eventId) || string.IsNullOrWhiteSpace(recorded.PaymentId))
        {
            return await DropMalformedAsync(eventId, recorded, cancellationToken);
        }

        // A paused flow leaves its events on the bus, which redelivers them with backoff until it resumes.
        if (await FlowPauseStore.IsPausedAsync(state, Flow, cancellationToken))
        {
            OperationsLog.EventPaused(logger, Flow, eventId, recorded.PaymentId);
            return TopicResponse.Retry;
        }

        var processedKey = $"{Flow}:processed-event:{eventId}";
        if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
        {
            DuplicateEventDropped(logger, eventId, recorded.PaymentId);
            return TopicResponse.Success;
        }

        var settings = options.Value;
        await using var claim = await EventClaim.TryAcquireAsync(
            state, $"{Flow}:event-claim:{eventId}", settings.EventClaimTimeout, time, logger, cancellationToken);
        if (claim is null)
        {
            DuplicateEventInFlight(logger, eventId, recorded.PaymentId);
            return TopicResponse.Retry;
        }

        // The previous claim holder writes the processed key before it deletes the claim. A delivery that
        // read no processed key but won the claim after that holder finished finds the key on this read.
        if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
        {
            DuplicateEventDropped(logger, eventId, recorded.PaymentId);
            return TopicResponse.Success;
        }

        RecordResult result;
        try
        {
            result = await SyncAsync(recorded, cancellationToken);
        }
        catch (TransientSyncException exception)
        {
            // The upsert is keyed by the Payment id, so the redelivery updates a payment made by this attempt.
            PaymentEventRetried(logger, exception, eventId, recorded.PaymentId);
            return TopicResponse.Retry;
        }

        await outcomes.RecordAsync(Flow, result, cancellationToken);
        await state.SaveAsync(processedKey, time.GetUtcNow(), settings.ProcessedEventRetention, cancellationToken);
        PaymentEventFinished(logger, eventId, recorded.PaymentId, result.Outcome, result.NetSuiteId, result.ErrorCode);
        return TopicResponse.Success;
    }

    private async Task<RecordResult> SyncAsync(PaymentRecordedEvent recorded, CancellationToken cancellationToken)
    {
        var (request, failure) = PaymentRequestMapper.Map(recorded);
        var result = failure ?? await UpsertAsync(request!, cancellationToken);
        return await WriteBackAsync(result, cancellationToken);
    }

    private async Task<RecordResult> UpsertAsync(PaymentUpsertRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var upserted = await SystemApiCall.RunAsync(
                $"Upserting the customer payment of Payment {request.ExternalId}",
                () => netSuite.UpsertPaymentAsync(request, cancellationToken),
                cancellationToken);
            return RecordResult.Synced(request.ExternalId, upserted.InternalId);
        }
        catch (Refit.ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            var field = rejection.Field is null ? string.Empty : $" on field {rejection.Field}";
            var message = $"Payment {request.ExternalId} to invoice {request.InvoiceId}: NetSuite rejected the "
                + $"customer payment{field} with {rejection.ErrorCode}: {rejection.Detail}";
            return RecordResult.Failed(request.ExternalId, rejection.ErrorCode, message, rejection.Field);
        }
    }

    private async Task<RecordResult> WriteBackAsync(RecordResult result, CancellationToken cancellationToken)
    {
        var synced = result.Outcome == SyncOutcomes.Synced;
        var update = synced
            ? new PaymentSyncUpdate(result.NetSuiteId, SyncStatus.Synced, null)
            : new PaymentSyncUpdate(null, SyncStatus.Failed, $"{result.ErrorCode}: {result.Message}");
        try
        {
            await SystemApiCall.RunAsync(
                $"Writing the sync status back to Payment {result.RecordId}",
                () => salesforce.UpdatePaymentSyncAsync(result.RecordId, update, cancellationToken),
                cancellationToken);
            return result;
        }
        catch (Refit.ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            WritebackRejected(logger, result.RecordId, rejection.ErrorCode, rejection.Detail);
            return synced
                ? result with
                {
                    Outcome = SyncOutcomes.Failed,
                    ErrorCode = rejection.ErrorCode,
                    Message = $"Payment {result.RecordId}: customer payment {result.NetSuiteId} was saved in "
                        + $"NetSuite, but the writeback to Salesforce was rejected: {rejection.Detail}",
                    Field = rejection.Field,
                }
                : result;
        }
    }

    private async Task<TopicResponse> DropMalformedAsync(
        string? eventId,
        PaymentRecordedEvent? recorded,
        CancellationToken cancellationToken)
    {
        var missing = recorded is null ? "a JSON PaymentRecordedEvent body"
            : string.IsNullOrWhiteSpace(eventId) ? "EventId" : "PaymentId";
        var message = $"Event {eventId ?? "(no id)"} was dropped: {missing} is missing or invalid.";
        MalformedEventDropped(logger, eventId, missing);
        await outcomes.RecordAsync(
            Flow,
            RecordResult.Failed($"event:{eventId ?? "unknown"}", "MALFORMED_EVENT", message, recorded is null ? null : missing),
            cancellationToken);
        return TopicResponse.Drop;
    }
}
