using System.Text.Json;
using Dapr;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;

namespace DaprSync.Orchestrator.Orders;

/// <summary>HTTP surface of the order flow: the <c>sf-order-queued</c> subscription route.</summary>
public static class OrderSyncApi
{
    public const string OrderQueuedRoute = "/events/order-queued";

    /// <summary>Maps the subscription route and declares it to <c>/dapr/subscribe</c>.</summary>
    public static IEndpointRouteBuilder MapOrderSyncApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapPost(OrderQueuedRoute, HandleOrderQueuedAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = Topics.PubSubName,
                Name = Topics.OrderQueued,
                DeadLetterTopic = Topics.DeadLetter,
            });
        return endpoints;
    }

    // Read by hand, not bound: a body that fails to bind would return 400, which Dapr redelivers, but a
    // malformed event must return DROP.
    private static async Task<IResult> HandleOrderQueuedAsync(
        HttpRequest request,
        OrderQueuedHandler handler,
        CancellationToken cancellationToken)
    {
        OrderQueuedEvent? queued;
        try
        {
            queued = await JsonSerializer.DeserializeAsync<OrderQueuedEvent>(
                request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            queued = null;
        }

        var cloudEventId = request.Headers[CustomerSyncApi.CloudEventIdHeader].FirstOrDefault();
        return TypedResults.Ok(await handler.HandleAsync(queued, cloudEventId, cancellationToken));
    }
}
