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

    private static async Task<IResult> HandleAccountChangedAsync(
        HttpRequest request,
        AccountChangedHandler handler,
        CancellationToken cancellationToken)
    {
        var (changed, cloudEventId) = await TopicEventReader.ReadAsync<AccountChangedEvent>(request, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(changed, cloudEventId, cancellationToken));
    }
}
