using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr;
using DaprSync.Contracts;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// The orchestrator's subscription to the dead-letter topic: each letter is kept for replay and, when its
/// topic belongs to a flow, recorded as an open failure of that record with the event stored for the retry.
/// </summary>
public static class DeadLetterSubscription
{
    public const string Route = "/events/dead-letter";

    /// <summary>Header that carries the CloudEvent topic once the CloudEvents middleware has unwrapped the body.</summary>
    public const string CloudEventTopicHeader = "Cloudevent.topic";

    public static IEndpointRouteBuilder MapDeadLetterSubscription(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // No dead-letter topic of its own: a letter that this route cannot take would loop.
        endpoints.MapPost(Route, ReceiveAsync)
            .WithTopic(new TopicOptions { PubsubName = Topics.PubSubName, Name = Topics.DeadLetter });
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        DeadLetterStore letters,
        SyncOutcomeStore outcomes,
        TimeProvider time,
        ILogger<DeadLetterStore> logger,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        var messageId = request.Headers[CustomerSyncApi.CloudEventIdHeader].FirstOrDefault() ?? $"unknown-{Guid.NewGuid():N}";
        var (topic, flow, recordId) = DeadLetterTopics.Identify(
            request.Headers[CloudEventTopicHeader].FirstOrDefault(), TryParse(payload));

        await letters.SaveAsync(new DeadLetter(messageId, topic, payload, time.GetUtcNow(), 0, null), cancellationToken);
        OperationsLog.DeadLetterStored(logger, messageId, topic ?? "(unknown)");
        if (flow is not null && recordId is not null && topic is not null)
        {
            var failure = RecordResult.Failed(
                recordId,
                "DEAD_LETTERED",
                $"Event {messageId} on {topic} was not processed after every delivery attempt and went to the "
                + "dead-letter topic.",
                null) with { Retry = RetryRequest.ForEvent(topic, payload) };
            await outcomes.RecordAsync(flow, failure, cancellationToken);
        }

        return TypedResults.Ok(TopicResponse.Success);
    }

    private static JsonNode? TryParse(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
