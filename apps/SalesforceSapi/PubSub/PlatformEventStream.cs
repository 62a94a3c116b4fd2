using System.Diagnostics;
using Avro;
using DaprSync.Runtime.Observability;
using DaprSync.SalesforceSapi.Auth;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>
/// One Subscribe call for one topic: checks the topic, starts after the stored replay id (LATEST when none),
/// hands each event to the topic's handler and stores its replay id only after the handler returned. Every
/// publish and every replay id write first passes <paramref name="fence"/>, which stops a replica that lost
/// the topic's lease.
/// </summary>
internal sealed class PlatformEventStream(
    PlatformEventSubscriber.Dependencies deps,
    IPlatformEventHandler handler,
    LeaseFence fence)
{
    /// <summary>The replay id this call started after; null when it started at LATEST.</summary>
    public byte[]? StartReplayId { get; private set; }

    /// <summary>Runs until the server ends the stream or a call fails; <paramref name="onResponse"/> runs per response.</summary>
    public async Task RunAsync(SalesforceSessionInfo session, Action onResponse, CancellationToken cancellationToken)
    {
        var topicName = handler.TopicName;
        var headers = new Metadata
        {
            { "accesstoken", session.AccessToken },
            { "instanceurl", session.InstanceUrl.GetLeftPart(UriPartial.Authority) },
            { "tenantid", session.OrgId },
        };
        await CheckTopicAsync(headers, cancellationToken);

        var batchSize = deps.Options.BatchSize;
        var first = new FetchRequest { TopicName = topicName, NumRequested = batchSize };
        StartReplayId = await deps.ReplayIds.GetAsync(topicName, cancellationToken);
        if (StartReplayId is null)
        {
            first.ReplayPreset = ReplayPreset.Latest;
        }
        else
        {
            first.ReplayPreset = ReplayPreset.Custom;
            first.ReplayId = ByteString.CopyFrom(StartReplayId);
        }

        PubSubLog.Subscribing(deps.Logger, topicName, StartReplayId is null ? "LATEST" : ToHex(StartReplayId));
        using var call = deps.Client.Subscribe(headers, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(first, cancellationToken);

        // Flow control: ask for a full batch again once half of the outstanding events have arrived, so
        // at most BatchSize requested events are outstanding on this call.
        var outstanding = batchSize;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            onResponse();
            foreach (var consumerEvent in response.Events)
            {
                await HandleEventAsync(consumerEvent, headers, cancellationToken);
                outstanding--;
            }

            if (response.Events.Count == 0 && !response.LatestReplayId.IsEmpty)
            {
                await fence(cancellationToken);
                await deps.ReplayIds.SaveAsync(topicName, response.LatestReplayId.Memory, cancellationToken);
            }

            if (outstanding <= batchSize / 2)
            {
                var more = new FetchRequest { TopicName = topicName, NumRequested = batchSize - outstanding };
                await call.RequestStream.WriteAsync(more, cancellationToken);
                outstanding = batchSize;
            }
        }
    }

    private async Task CheckTopicAsync(Metadata headers, CancellationToken cancellationToken)
    {
        TopicInfo topic;
        try
        {
            topic = await deps.Client.GetTopicAsync(
                new TopicRequest { TopicName = handler.TopicName },
                headers,
                cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new TopicUnavailableException($"GetTopic returned NOT_FOUND: {ex.Status.Detail}");
        }

        if (!topic.CanSubscribe)
        {
            throw new TopicUnavailableException("GetTopic returned can_subscribe false for the integration user");
        }
    }

    // A failed publish or replay id write is retried here instead of by reconnecting, because a reconnect
    // restarts after the stored replay id: LATEST when none is stored yet, which would skip this event.
    private async Task HandleEventAsync(ConsumerEvent consumerEvent, Metadata headers, CancellationToken token)
    {
        var eventId = consumerEvent.Event.Id;
        var replayId = consumerEvent.ReplayId;

        // Each event starts a trace; the bus carries it on, so the whole flow it triggers shares one trace id.
        using var activity = DaprSyncTelemetry.ActivitySource.StartActivity(
            $"{handler.TopicName} receive", ActivityKind.Consumer);
        activity?.SetTag("messaging.system", "salesforce");
        activity?.SetTag("messaging.destination.name", handler.TopicName);
        activity?.SetTag("messaging.message.id", eventId);
        DateTimeOffset? createdDate = null;
        await RetryInPlaceAsync(
            async () => createdDate = await PublishOrReportAsync(consumerEvent, headers, token),
            error => error is PlatformEventDeliveryException,
            eventId,
            "publish",
            token);

        // The state store seam defines no failure types, so any failure but cancellation is retried. A lost
        // lease surfaces as cancellation from the fence and ends the stream.
        await RetryInPlaceAsync(
            () => SaveProgressAsync(replayId, createdDate, token),
            error => error is not OperationCanceledException,
            eventId,
            "store the replay id",
            token);
        PubSubLog.EventHandled(deps.Logger, handler.TopicName, eventId, ToHex(replayId.Span));
    }

    private async Task RetryInPlaceAsync(
        Func<Task> step, Func<Exception, bool> isRetryable, string eventId, string stepName, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (Exception ex) when (isRetryable(ex))
            {
                var delay = deps.ComputeBackoff(attempt);
                PubSubLog.StepRetrying(deps.Logger, ex, handler.TopicName, eventId, stepName, delay, attempt);
                await Task.Delay(delay, deps.TimeProvider, token);
            }
        }
    }

    private async Task SaveProgressAsync(ByteString replayId, DateTimeOffset? createdDate, CancellationToken token)
    {
        await fence(token);
        if (createdDate is { } date)
        {
            await deps.ReplayIds.SaveLastEventDateAsync(handler.TopicName, date, token);
        }

        await deps.ReplayIds.SaveAsync(handler.TopicName, replayId.Memory, token);
    }

    /// <summary>
    /// Publishes the event or reports it as malformed. Returns its <c>CreatedDate</c> when it was published, null
    /// when it was reported.
    /// </summary>
    private async Task<DateTimeOffset?> PublishOrReportAsync(
        ConsumerEvent consumerEvent, Metadata headers, CancellationToken token)
    {
        var eventId = consumerEvent.Event.Id;
        var replayId = consumerEvent.ReplayId;
        await fence(token);
        try
        {
            var schema = await deps.Schemas.GetAsync(consumerEvent.Event.SchemaId, headers, token);
            var record = AvroPayload.Decode(schema, consumerEvent.Event.Payload);
            var createdDate = PlatformEventFields.RequireCreatedDate(record);
            var message = new PlatformEventMessage(handler.TopicName, eventId, replayId.ToByteArray(), record);
            await DeliverAsync(message, token);
            return createdDate;
        }
        catch (Exception ex) when (ex is AvroException or MalformedPlatformEventException)
        {
            PubSubLog.MalformedEvent(deps.Logger, ex, handler.TopicName, eventId, ToHex(replayId.Span));
            await deps.ReportProblemAsync(
                "MALFORMED_PLATFORM_EVENT",
                $"Event {eventId} of {handler.TopicName} was skipped because it could not be read: {ex.Message}",
                handler.TopicName,
                eventId,
                token);
            return null;
        }
    }

    private async Task DeliverAsync(PlatformEventMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not (MalformedPlatformEventException or OperationCanceledException))
        {
            // The bus seam does not define its failure types, and any of them means the event was not
            // accepted. Wrapping them lets the stream retry the publish.
            throw new PlatformEventDeliveryException(
                $"Publishing event {message.EventId} of {message.TopicName} to the bus failed.", ex);
        }
    }

    internal static string ToHex(ReadOnlySpan<byte> replayId) => Convert.ToHexString(replayId);
}

/// <summary>The topic does not exist or the integration user may not subscribe to it.</summary>
internal sealed class TopicUnavailableException(string message) : Exception(message);
