using Dapr;
using DaprSync.Contracts;
using DaprSync.Contracts.Events;
using DaprSync.Orchestrator.CustomerSync;

namespace DaprSync.Orchestrator.Payments;

/// <summary>HTTP surface and registration of the payment flow: the <c>sf-payment-recorded</c> subscription.</summary>
public static class PaymentSyncApi
{
    public const string PaymentRecordedRoute = "/events/payment-recorded";

    public static WebApplicationBuilder AddPaymentSync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<PaymentSyncOptions>()
            .Bind(builder.Configuration.GetSection(PaymentSyncOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<PaymentRecordedHandler>();
        return builder;
    }

    /// <summary>Maps the subscription route and declares it to <c>/dapr/subscribe</c>.</summary>
    public static IEndpointRouteBuilder MapPaymentSyncApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapPost(PaymentRecordedRoute, HandlePaymentRecordedAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = Topics.PubSubName,
                Name = Topics.PaymentRecorded,
                DeadLetterTopic = Topics.DeadLetter,
            });
        return endpoints;
    }

    private static async Task<IResult> HandlePaymentRecordedAsync(
        HttpRequest request,
        PaymentRecordedHandler handler,
        CancellationToken cancellationToken)
    {
        var (recorded, cloudEventId) = await TopicEventReader.ReadAsync<PaymentRecordedEvent>(request, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(recorded, cloudEventId, cancellationToken));
    }
}
