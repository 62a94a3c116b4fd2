using System.Text.Json;
using Dapr;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>HTTP surface of the customer flow: the <c>sf-account-changed</c> subscription route.</summary>
public static class CustomerSyncApi
{
    public const string AccountChangedRoute = "/events/account-changed";

    /// <summary>Header that carries the CloudEvent id once the CloudEvents middleware has unwrapped the body.</summary>
    public const string CloudEventIdHeader = "Cloudevent.id";

    /// <summary>Maps the subscription route and declares it to <c>/dapr/subscribe</c>.</summary>
    public static IEndpointRouteBuilder MapCustomerSyncApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapPost(AccountChangedRoute, HandleAccountChangedAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = Topics.PubSubName,
                Name = Topics.AccountChanged,
                DeadLetterTopic = Topics.DeadLetter,
            });
        return endpoints;
    }

    // The body is read by hand, not bound, because a body that fails to bind returns 400 and Dapr
    // redelivers that. A malformed event must return DROP instead.
    private static async Task<IResult> HandleAccountChangedAsync(
        HttpRequest request,
        AccountChangedHandler handler,
        CancellationToken cancellationToken)
    {
        AccountChangedEvent? changed;
        try
        {
            changed = await JsonSerializer.DeserializeAsync<AccountChangedEvent>(
                request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            changed = null;
        }

        var cloudEventId = request.Headers[CloudEventIdHeader].FirstOrDefault();
        var response = await handler.HandleAsync(changed, cloudEventId, cancellationToken);
        return TypedResults.Ok(response);
    }
}
