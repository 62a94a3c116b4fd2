using System.Text.Json;
using System.Text.Json.Serialization;
using DaprSync.NetSuiteSapi.Auth;
using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.Customers;
using DaprSync.NetSuiteSapi.Rest;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.NetSuiteSapi;

/// <summary>Registers the NetSuite settings, the TBA signer and the Refit client of the REST record API.</summary>
public static class NetSuiteRestRegistration
{
    public static IServiceCollection AddNetSuiteRestClient(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<NetSuiteOptions>()
            .Bind(configuration.GetSection(NetSuiteOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetSuiteOptions>, NetSuiteOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
            return new TbaSigner(new TbaCredentials(
                NetSuiteAccount.FromAccountId(options.AccountId),
                options.ConsumerKey,
                options.ConsumerSecret,
                options.TokenId,
                options.TokenSecret));
        });
        services.AddTransient<TbaHandler>();

        var refitSettings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(
            JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        }));
        services.AddRefitGeneratedClient<INetSuiteRecordApi>(refitSettings)
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
                http.BaseAddress = RestApiBaseAddress(options);
                http.Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
            })
            .AddNetSuiteHandlers();

        services.AddScoped<CustomerUpsertService>();
        return services;
    }

    /// <summary>
    /// Returns <c>{root}/services/rest/</c>, where the root is <see cref="NetSuiteOptions.RestBaseUrl"/> or the
    /// account's SuiteTalk host.
    /// </summary>
    public static Uri RestApiBaseAddress(NetSuiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = string.IsNullOrWhiteSpace(options.RestBaseUrl)
            ? "https://" + NetSuiteAccount.FromAccountId(options.AccountId).SuiteTalkHost
            : options.RestBaseUrl.TrimEnd('/');
        return new Uri(root + "/services/rest/");
    }
}
