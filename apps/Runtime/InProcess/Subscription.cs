using System.Text.Json;

namespace DaprSync.Runtime.InProcess;

/// <summary>One entry of an app's <c>/dapr/subscribe</c> answer, reduced to what delivery needs.</summary>
public sealed record Subscription(string AppId, string PubSubName, string Topic, string Route, string? DeadLetterTopic)
{
    /// <summary>
    /// Parses the programmatic subscription list Dapr reads from an app. Both <c>route</c> and
    /// <c>routes.default</c> are accepted; routing rules are not evaluated (none of the apps use them).
    /// </summary>
    public static IReadOnlyList<Subscription> Parse(string appId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var subscriptions = new List<Subscription>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var pubsub = Property(item, "pubsubname");
            var topic = Property(item, "topic");
            var route = Property(item, "route");
            if (route is null && TryGetProperty(item, "routes", out var routes))
            {
                route = Property(routes, "default");
            }

            if (pubsub is null || topic is null || route is null)
            {
                throw new FormatException(
                    $"App '{appId}' returned a subscription without pubsubname, topic or route: {item.GetRawText()}");
            }

            subscriptions.Add(new Subscription(appId, pubsub, topic, "/" + route.TrimStart('/'), Property(item, "deadLetterTopic")));
        }

        return subscriptions;
    }

    private static string? Property(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Dapr accepts either casing of property names here ("pubsubname" and "pubsubName").
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
