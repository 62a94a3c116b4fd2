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

    private static async Task<IResult> HandleOrderQueuedAsync(
        HttpRequest request,
        OrderQueuedHandler handler,
        CancellationToken cancellationToken)
    {
        var (queued, cloudEventId) = await TopicEventReader.ReadAsync<OrderQueuedEvent>(request, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(queued, cloudEventId, cancellationToken));
    }
}
