using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Handles one delivery of <see cref="AccountChangedEvent"/>. A per-record failure is written back,
/// recorded and acknowledged. A transient failure requests redelivery. A malformed event is recorded
/// and dropped. An event id that was already processed is acknowledged without work.
/// </summary>
public sealed class AccountChangedHandler(
    CustomerSynchronizer synchronizer,
    SyncOutcomeStore outcomes,
    IStateStore state,
    IOptions<CustomerSyncOptions> options,
    TimeProvider time,
    ILogger<AccountChangedHandler> logger)
{
    /// <summary>
    /// Handles <paramref name="changed"/>, which is null when the body was not a valid event. The CloudEvent
    /// id replaces a missing <see cref="AccountChangedEvent.EventId"/>.
    /// </summary>
    public async Task<TopicResponse> HandleAsync(
        AccountChangedEvent? changed,
        string? cloudEventId,
        CancellationToken cancellationToken)
    {
        var eventId = string.IsNullOrWhiteSpace(changed?.EventId) ? cloudEventId : changed.EventId;
        if (changed is null || string.IsNullOrWhiteSpace(eventId) || string.IsNullOrWhiteSpace(changed.AccountId))
        {
            return await DropMalformedAsync(eventId, changed, cancellationToken);
        }

        // A paused flow leaves its events on the bus, which redelivers them with backoff until it resumes.
        if (await FlowPauseStore.IsPausedAsync(state, CustomerSynchronizer.Flow, cancellationToken))
        {
            OperationsLog.AccountEventPaused(logger, eventId, changed.AccountId);
            return TopicResponse.Retry;
        }

        var processedKey = ProcessedKey(eventId);
        if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
        {
            logger.DuplicateEventDropped(eventId, changed.AccountId);
            return TopicResponse.Success;
        }

        // Only one delivery of an event id works at a time: a concurrent duplicate is asked to come back
        // and then finds the id processed. The claim is its own key, written only insert-only (as the Dapr
        // state store requires for such keys), and lapses by itself if its holder dies mid-work.
        // The claim is deleted when this method returns on any path, so a redelivery after a failure is
        // processed at once.
        await using var claim = await EventClaim.TryAcquireAsync(
            state, ClaimKey(eventId), options.Value.EventClaimTimeout, time, logger, cancellationToken);
        if (claim is null)
        {
            logger.DuplicateEventInFlight(eventId, changed.AccountId);
            return TopicResponse.Retry;
        }

        // The previous claim holder writes the processed key before it deletes the claim. A delivery that
        // read no processed key but won the claim after that holder finished finds the key on this read.
        if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
        {
            logger.DuplicateEventDropped(eventId, changed.AccountId);
            return TopicResponse.Success;
        }

        logger.AccountEventStarted(eventId, changed.AccountId, changed.ChangeType);
        RecordResult result;
        try
        {
            result = await synchronizer.SyncAsync(changed.AccountId, cancellationToken);
        }
        catch (TransientSyncException exception)
        {
            // NOTE: nothing is recorded here, so an event that exhausts its retries reaches the
            // dead-letter topic without an outcome record until a dead-letter subscriber records it.
            logger.AccountEventRetried(exception, eventId, changed.AccountId);
            return TopicResponse.Retry;
        }

        // Written after the work, so a crash before this line redelivers the event and the upsert by
        // external id finds the Customer created by the first attempt.
        await state.SaveAsync(processedKey, time.GetUtcNow(), options.Value.ProcessedEventRetention, cancellationToken);
        logger.AccountEventFinished(eventId, changed.AccountId, result.Outcome);
        return TopicResponse.Success;
    }

    private async Task<TopicResponse> DropMalformedAsync(
        string? eventId,
        AccountChangedEvent? changed,
        CancellationToken cancellationToken)
    {
        var missing = changed is null ? "a JSON AccountChangedEvent body"
            : string.IsNullOrWhiteSpace(eventId) ? "EventId" : "AccountId";
        var recordId = $"event:{eventId ?? "unknown"}";
        var message = $"Event {eventId ?? "(no id)"} was dropped: {missing} is missing or invalid.";
        logger.MalformedEventDropped(eventId, missing);
        await outcomes.RecordAsync(
            CustomerSynchronizer.Flow,
            RecordResult.Failed(recordId, "MALFORMED_EVENT", message, changed is null ? null : missing),
            cancellationToken);
        return TopicResponse.Drop;
    }

    private static string ProcessedKey(string eventId) => $"{CustomerSynchronizer.Flow}:processed-event:{eventId}";

    private static string ClaimKey(string eventId) => $"{CustomerSynchronizer.Flow}:event-claim:{eventId}";
}
