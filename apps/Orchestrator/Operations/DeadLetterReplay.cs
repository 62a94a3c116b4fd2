using System.Text.Json.Nodes;
using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Operations;

/// <summary>How one replay went; <see cref="Topic"/> is null when the letter was not replayed.</summary>
public sealed record DeadLetterReplayResult(string MessageId, string? Topic, string Result);

/// <summary>
/// Republishes dead letters on their original topic under their original message id. The flow marks an event
/// id as processed only after finishing it, and a dead letter was never finished, so the same id gets through.
/// </summary>
public static class DeadLetterReplay
{
    /// <summary>Replays one letter; <paramref name="topic"/> names the topic when the letter's is unknown.</summary>
    public static async Task<IResult> ReplayOneAsync(
        string messageId, string? topic, DeadLetterStore letters, IEventPublisher publisher, TimeProvider time,
        ILogger<DeadLetterStore> logger, CancellationToken cancellationToken)
    {
        var letter = await letters.GetAsync(messageId, cancellationToken);
        if (letter is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Dead letter not found",
                detail: $"No dead letter has message id {messageId}.");
        }

        var result = await ReplayAsync(letter, topic, letters, publisher, time, logger, cancellationToken);
        return result.Topic is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Dead letter cannot be replayed",
                detail: result.Result)
            : TypedResults.Ok(result);
    }

    /// <summary>Replays every letter that has not been replayed yet.</summary>
    public static async Task<IResult> ReplayAllAsync(
        DeadLetterStore letters, IEventPublisher publisher, TimeProvider time, ILogger<DeadLetterStore> logger,
        CancellationToken cancellationToken)
    {
        var results = new List<DeadLetterReplayResult>();
        foreach (var letter in (await letters.ListAsync(cancellationToken)).Where(l => l.Replays == 0))
        {
            results.Add(await ReplayAsync(letter, null, letters, publisher, time, logger, cancellationToken));
        }

        return TypedResults.Ok(results);
    }

    private static async Task<DeadLetterReplayResult> ReplayAsync(
        DeadLetter letter, string? topicOverride, DeadLetterStore letters, IEventPublisher publisher, TimeProvider time,
        ILogger logger, CancellationToken cancellationToken)
    {
        var topic = string.IsNullOrWhiteSpace(topicOverride) ? letter.OriginalTopic : topicOverride;
        if (topic is null)
        {
            return new DeadLetterReplayResult(
                letter.MessageId, null, "The original topic is unknown; name it with ?topic=.");
        }

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(letter.Payload);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return new DeadLetterReplayResult(letter.MessageId, null, $"The payload is not JSON: {exception.Message}");
        }

        await publisher.PublishAsync(topic, payload, letter.MessageId, cancellationToken);
        await letters.SaveAsync(
            letter with { Replays = letter.Replays + 1, LastReplayedAt = time.GetUtcNow() }, cancellationToken);
        OperationsLog.DeadLetterReplayed(logger, letter.MessageId, topic);
        return new DeadLetterReplayResult(letter.MessageId, topic, "Republished");
    }
}
