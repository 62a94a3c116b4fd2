using System.Text.Json.Nodes;
using DaprSync.Contracts;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// Finds the topic a dead letter came from: the CloudEvent's <c>topic</c> attribute when it names another topic
/// than the dead-letter topic, else the payload's shape, because each event contract has a property that no
/// other has. The in-process bus delivers the copy with <c>topic</c> set to the dead-letter topic.
/// </summary>
// NOTE: whether the Dapr sidecar keeps the original topic attribute on a dead letter has not been checked here,
// so under Dapr the shape may decide too.
internal static class DeadLetterTopics
{
    /// <summary>Returns the original topic, the flow that owns it and the record id, or nulls when unknown.</summary>
    public static (string? Topic, string? Flow, string? RecordId) Identify(string? cloudEventTopic, JsonNode? payload)
    {
        var body = payload as JsonObject;
        var topic = cloudEventTopic is { Length: > 0 } && cloudEventTopic != Topics.DeadLetter
            ? cloudEventTopic
            : InferTopic(body);
        return topic switch
        {
            Topics.AccountChanged => (topic, "customer", Text(body, "accountId")),
            Topics.OrderQueued => (topic, "order", Text(body, "orderId")),
            Topics.PaymentRecorded => (topic, "payment", Text(body, "paymentId")),
            _ => (topic, null, null),
        };
    }

    private static string? InferTopic(JsonObject? body) =>
        body is null ? null
        : body.ContainsKey("accountId") && body.ContainsKey("changeType") ? Topics.AccountChanged
        : body.ContainsKey("orderId") ? Topics.OrderQueued
        : body.ContainsKey("paymentId") ? Topics.PaymentRecorded
        : null;

    private static string? Text(JsonObject? body, string property) =>
        body?[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
