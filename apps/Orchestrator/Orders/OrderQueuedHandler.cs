using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Handles one delivery of <see cref="OrderQueuedEvent"/> by starting <see cref="OrderSyncWorkflow"/> as
/// <c>order-{OrderId}</c>. When that instance is still running, it sets the re-queue flag that the running
/// instance takes at its end to sync the Order once more. An event id already processed is acknowledged
/// without work, and a malformed event is recorded and dropped.
/// </summary>
public sealed class OrderQueuedHandler(
    IWorkflowScheduler workflows,
    SyncOutcomeStore outcomes,
    IStateStore state,
    IOptions<OrderSyncOptions> options,
    TimeProvider time,
    ILogger<OrderQueuedHandler> logger)
{
    /// <summary>Flow name under which order outcomes are recorded.</summary>
    public const string Flow = "order";

    /// <summary>State key of the flag that requests one more run of the instance for <paramref name="orderId"/>.</summary>
    public static string RerunFlagKey(string orderId) => $"order:rerun:{orderId}";

    /// <summary>Handles <paramref name="queued"/>, which is null when the body was not a valid event.</summary>
    public async Task<TopicResponse> HandleAsync(
        OrderQueuedEvent? queued,
        string? cloudEventId,
        CancellationToken cancellationToken)
    {
        var eventId = string.IsNullOrWhiteSpace(queued?.EventId) ? cloudEventId : queued.EventId;
        if (queued is null || string.IsNullOrWhiteSpace(eventId) || string.IsNullOrWhiteSpace(queued.OrderId))
        {
            return await DropMalformedAsync(eventId, queued, cancellationToken);
        }

        // A paused flow leaves its events on the bus, which redelivers them with backoff until it resumes.
        if (await FlowPauseStore.IsPausedAsync(state, Flow, cancellationToken))
        {
            OperationsLog.EventPaused(logger, Flow, eventId, queued.OrderId);
            return TopicResponse.Retry;
        }

        var processedKey = $"{Flow}:processed-event:{eventId}";
        if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
        {
            logger.DuplicateOrderEventDropped(eventId, queued.OrderId);
            return TopicResponse.Success;
        }

        // A concurrent duplicate is asked to come back and then finds the id processed, so it does not set
        // the re-queue flag and cause a second run.
        var claimKey = $"{Flow}:event-claim:{eventId}";
        var settings = options.Value;
        if (!await state.TrySaveAsync(claimKey, time.GetUtcNow(), null, settings.EventClaimTimeout, cancellationToken))
        {
            logger.DuplicateOrderEventInFlight(eventId, queued.OrderId);
            return TopicResponse.Retry;
        }

        try
        {
            // The previous claim holder writes the processed key before it deletes the claim. A delivery that
            // read no processed key but won the claim after that holder finished finds the key on this read.
            if (await state.GetAsync<DateTimeOffset>(processedKey, cancellationToken) is not null)
            {
                logger.DuplicateOrderEventDropped(eventId, queued.OrderId);
                return TopicResponse.Success;
            }

            var input = new OrderSyncInput(queued.OrderId, eventId, settings.ToRetrySettings());
            await StartOrFlagAsync(input, cancellationToken);
            await state.SaveAsync(processedKey, time.GetUtcNow(), settings.ProcessedEventRetention, cancellationToken);
            return TopicResponse.Success;
        }
        finally
        {
            await state.TryDeleteAsync(claimKey, cancellationToken: CancellationToken.None);
        }
    }

    private async Task StartOrFlagAsync(OrderSyncInput input, CancellationToken cancellationToken)
    {
        var instanceId = OrderSyncWorkflow.InstanceIdFor(input.OrderId);
        if (await workflows.TryStartAsync(nameof(OrderSyncWorkflow), instanceId, input, cancellationToken))
        {
            logger.OrderWorkflowStarted(input.EventId, input.OrderId, instanceId);
            return;
        }

        var flagKey = RerunFlagKey(input.OrderId);
        var retention = options.Value.RerunFlagRetention;
        await state.SaveAsync(flagKey, time.GetUtcNow(), retention, cancellationToken);

        // The instance may have finished between the start attempt and the flag, and then no run takes the
        // flag. In that case the flag is removed and a new instance syncs the changed Order instead.
        var instance = await workflows.GetAsync(instanceId, cancellationToken);
        if (instance?.Status is WorkflowInstanceStatus.Pending or WorkflowInstanceStatus.Running)
        {
            logger.OrderRerunFlagged(input.EventId, input.OrderId, instanceId);
            return;
        }

        await state.TryDeleteAsync(flagKey, cancellationToken: cancellationToken);
        if (await workflows.TryStartAsync(nameof(OrderSyncWorkflow), instanceId, input, cancellationToken))
        {
            logger.OrderWorkflowStarted(input.EventId, input.OrderId, instanceId);
            return;
        }

        await state.SaveAsync(flagKey, time.GetUtcNow(), retention, cancellationToken);
        logger.OrderRerunFlagged(input.EventId, input.OrderId, instanceId);
    }

    private async Task<TopicResponse> DropMalformedAsync(
        string? eventId,
        OrderQueuedEvent? queued,
        CancellationToken cancellationToken)
    {
        var missing = queued is null ? "a JSON OrderQueuedEvent body"
            : string.IsNullOrWhiteSpace(eventId) ? "EventId" : "OrderId";
        var message = $"Event {eventId ?? "(no id)"} was dropped: {missing} is missing or invalid.";
        logger.MalformedOrderEventDropped(eventId, missing);
        await outcomes.RecordAsync(
            Flow,
            RecordResult.Failed($"event:{eventId ?? "unknown"}", "MALFORMED_EVENT", message, queued is null ? null : missing),
            cancellationToken);
        return TopicResponse.Drop;
    }
}
