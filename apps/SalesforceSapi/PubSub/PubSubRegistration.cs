using DaprSync.Runtime;
using DaprSync.SalesforceSapi.Auth;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.PubSub;

/// <summary>Registers the Platform Event subscribers that bridge the Pub/Sub API into the bus.</summary>
public static class PubSubRegistration
{
    /// <summary>
    /// Binds and validates <c>Salesforce:PubSub</c>. When <c>Salesforce:PubSub:Enabled</c> is true, registers the
    /// gRPC client and one <see cref="PlatformEventSubscriber"/> per topic: <c>AccountsEvent__e</c>,
    /// <c>Create_NS_Order__e</c> and <c>ABT_Payment_and_Refund_Event__e</c>.
    /// The host supplies <see cref="ISalesforceSession"/>, <see cref="IEventPublisher"/> and <see cref="IStateStore"/>,
    /// and may supply an <see cref="IReplayGapSweeper"/> to run after an expired replay id.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformEventSubscribers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PubSubOptions>()
            .Bind(builder.Configuration.GetSection(PubSubOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PubSubOptions>, PubSubOptionsValidator>();
        if (!builder.Configuration.GetValue<bool>($"{PubSubOptions.SectionName}:Enabled"))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
            GrpcChannel.ForAddress(provider.GetRequiredService<IOptions<PubSubOptions>>().Value.Endpoint!));
        services.AddSingleton(provider =>
            new Eventbus.V1.PubSub.PubSubClient(provider.GetRequiredService<GrpcChannel>()));
        services.AddSingleton<AvroSchemaCache>();
        services.TryAddSingleton<ReplayIdStore>();
        services.AddSingleton(provider => new PlatformEventSubscriber.Dependencies(
            provider.GetRequiredService<Eventbus.V1.PubSub.PubSubClient>(),
            provider.GetRequiredService<AvroSchemaCache>(),
            provider.GetRequiredService<ReplayIdStore>(),
            provider.GetRequiredService<ISalesforceSession>(),
            provider.GetRequiredService<IEventPublisher>(),
            provider.GetRequiredService<IOptions<PubSubOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PlatformEventSubscriber>>(),
            provider.GetRequiredService<IStateStore>(),
            ReplicaIdOf(provider.GetRequiredService<IOptions<PubSubOptions>>().Value),
            provider.GetService<IReplayGapSweeper>()));
        AddSubscriber<AccountsEventHandler>(services);
        AddSubscriber<CreateNsOrderEventHandler>(services);
        AddSubscriber<PaymentEventHandler>(services);
        return builder;
    }

    private static string ReplicaIdOf(PubSubOptions options) => string.IsNullOrWhiteSpace(options.ReplicaId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"
        : options.ReplicaId;

    private static void AddSubscriber<THandler>(IServiceCollection services)
        where THandler : IPlatformEventHandler
    {
        // One descriptor per topic: AddHostedService would merge subscribers of the same type into one.
        services.AddSingleton<IHostedService>(provider => new PlatformEventSubscriber(
            ActivatorUtilities.CreateInstance<THandler>(provider),
            provider.GetRequiredService<PlatformEventSubscriber.Dependencies>()));
    }
}
