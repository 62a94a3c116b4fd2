using System.Text;
using System.Text.Json;

namespace DaprSync.Runtime.InProcess;

/// <summary>Builds the CloudEvents 1.0 JSON envelope that Dapr POSTs to a subscriber's route.</summary>
internal static class CloudEventEnvelope
{
    public const string MediaType = "application/cloudevents+json";

    public static string Build(PendingDelivery delivery)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", delivery.MessageId);
            writer.WriteString("source", delivery.SourceApp);
            writer.WriteString("type", "com.dapr.event.sent");
            writer.WriteString("datacontenttype", "application/json");
            writer.WriteString("time", DateTimeOffset.FromUnixTimeMilliseconds(delivery.CreatedAt));
            writer.WriteString("topic", delivery.Topic);
            writer.WriteString("pubsubname", delivery.PubSubName);
            if (delivery.TraceParent is not null)
            {
                writer.WriteString("traceparent", delivery.TraceParent);
            }

            if (delivery.TraceState is not null)
            {
                writer.WriteString("tracestate", delivery.TraceState);
            }

            writer.WritePropertyName("data");
            writer.WriteRawValue(delivery.Data, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>One due delivery of an outbox message to one subscription.</summary>
internal sealed record PendingDelivery(
    long Seq,
    string AppId,
    string Route,
    string? DeadLetterTopic,
    int Attempts,
    string MessageId,
    string SourceApp,
    string Topic,
    string PubSubName,
    string Data,
    string? TraceParent,
    string? TraceState,
    long CreatedAt)
{
    public (long, string, string) Key => (Seq, AppId, Route);

    /// <summary>The publisher's trace context, or null when it published outside a W3C trace.</summary>
    public TraceContext? Trace => TraceParent is null ? null : new TraceContext(TraceParent, TraceState);
}
