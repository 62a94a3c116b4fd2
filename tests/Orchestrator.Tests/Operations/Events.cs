using System.Text;
using System.Text.Json;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>Delivers CloudEvents to the orchestrator's subscription routes as the bus does.</summary>
internal static class Events
{
    public static Task<string?> DeliverAccountChangedAsync(HttpClient client, string accountId, string eventId)
    {
        var data = $$"""{"eventId":"{{eventId}}","accountId":"{{accountId}}","changeType":"UPDATE","createdDate":"2026-03-02T08:59:00Z"}""";
        return PostCloudEventAsync(client, "events/account-changed", eventId, "sf-account-changed", data);
    }

    /// <summary>Posts a CloudEvent and returns the topic response status (SUCCESS, RETRY or DROP).</summary>
    public static async Task<string?> PostCloudEventAsync(
        HttpClient client, string route, string id, string topic, string dataJson)
    {
        var cloudEvent = $$"""
            {"specversion":"1.0","id":"{{id}}","source":"sf-sapi","type":"com.dapr.event.sent","topic":"{{topic}}",
             "pubsubname":"pubsub","datacontenttype":"application/json","data":{{dataJson}}}
            """;
        using var content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json");
        using var response = await client.PostAsync(route, content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("status").GetString();
    }
}
