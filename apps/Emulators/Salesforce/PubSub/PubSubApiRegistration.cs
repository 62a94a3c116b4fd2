using DaprSync.SalesforceEmulator.Records;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>Registers and maps the emulator's Pub/Sub API (gRPC over HTTP/2).</summary>
public static class PubSubApiRegistration
{
    /// <summary>
    /// Registers the event bus, the gRPC service, the Account, Order and Payment__c triggers and the
    /// <c>SalesforceEmulator:PubSub</c> options. The host supplies <see cref="Auth.IAccessTokenValidator"/>
    /// and, for the Order and Payment__c triggers, <see cref="SalesforceRecords"/>.
    /// </summary>
    public static WebApplicationBuilder AddPubSubApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PubSubEmulatorOptions>()
            .Bind(builder.Configuration.GetSection(PubSubEmulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PlatformEventBus>();
        builder.Services.AddSingleton<IRecordChangeListener, AccountChangeEventTrigger>();
        builder.Services.AddSingleton<IRecordChangeListener, OrderQueuedEventTrigger>();
        builder.Services.AddSingleton<IRecordChangeListener, PaymentEventTrigger>();
        builder.Services.AddGrpc().AddServiceOptions<PubSubService>(
            grpc => grpc.Interceptors.Add<PubSubAuthInterceptor>());
        return builder;
    }

    /// <summary>
    /// Maps the <c>eventbus.v1.PubSub</c> service. gRPC needs HTTP/2; without TLS the host must serve an
    /// endpoint with HTTP/2 only (prior knowledge), which real Salesforce puts on a host of its own too.
    /// </summary>
    public static WebApplication MapPubSubApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<PubSubService>();
        return app;
    }
}
