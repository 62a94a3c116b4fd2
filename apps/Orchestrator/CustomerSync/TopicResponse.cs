namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Response body of a subscription route, read by Dapr. <c>SUCCESS</c> acknowledges the message, <c>RETRY</c>
/// redelivers it under the subscription's retry policy and <c>DROP</c> discards it to the dead-letter topic.
/// </summary>
public sealed record TopicResponse(string Status)
{
    public static TopicResponse Success { get; } = new("SUCCESS");

    public static TopicResponse Retry { get; } = new("RETRY");

    public static TopicResponse Drop { get; } = new("DROP");
}
