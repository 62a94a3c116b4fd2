using System.Text.Json;
using System.Text.Json.Serialization;
using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.Items;
using DaprSync.NetSuiteSapi.Payments;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>Registers the SuiteQL client, the incremental reader, the item resolver and the payment client.</summary>
public static class SuiteQlRegistration
{
    public static IServiceCollection AddNetSuiteQueriesAndPayments(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SuiteQlOptions>()
            .Bind(configuration.GetSection(NetSuiteOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SuiteQlOptions>, SuiteQlOptionsValidator>();
        services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();

        services.AddHttpClient<SuiteQlClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
                http.BaseAddress = NetSuiteRestRegistration.RestApiBaseAddress(options);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddNetSuiteHandlers();
        services.AddScoped<IncrementalReader>();
        services.AddMemoryCache();
        services.AddSingleton<ItemLookupsInFlight>();
        services.AddScoped<IItemResolver, SuiteQlItemResolver>();

        var refitSettings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(
            JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        }));
        services.AddRefitGeneratedClient<INetSuitePaymentApi>(refitSettings)
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
                http.BaseAddress = NetSuiteRestRegistration.RestApiBaseAddress(options);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddNetSuiteHandlers();
        services.AddScoped<PaymentUpsertService>();
        return services;
    }
}
