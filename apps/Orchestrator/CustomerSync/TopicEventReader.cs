using System.Text.Json;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Reads the event and the CloudEvent id of a subscription request. The body is read by hand, not bound, because
/// a body that fails to bind returns 400 and Dapr redelivers that, while a malformed event must return DROP.
/// </summary>
public static class TopicEventReader
{
    /// <summary>Returns the event, or null when the body is not valid JSON for it, with the CloudEvent id.</summary>
    public static async Task<(T? Event, string? CloudEventId)> ReadAsync<T>(
        HttpRequest request,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);

        T? received;
        try
        {
            received = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            received = null;
        }

        return (received, request.Headers[CustomerSyncApi.CloudEventIdHeader].FirstOrDefault());
    }
}
