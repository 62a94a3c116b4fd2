using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Auth;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi;

/// <summary>Registers the Salesforce session, the REST client and the account endpoints' services.</summary>
internal static class SalesforceRegistration
{
    public static IServiceCollection AddSalesforceRest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceOptions>()
            .Bind(configuration.GetSection(SalesforceOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>();

        services.AddHttpClient(OAuthSession.HttpClientName, ConfigureTimeout)
            .AddHttpMessageHandler(provider => ApiCallMetricsHandler.Create(provider, "salesforce"));
        services.AddSingleton<ITokenGrant>(provider =>
            provider.GetRequiredService<IOptions<SalesforceOptions>>().Value.AuthFlow == SalesforceAuthFlow.JwtBearer
                ? ActivatorUtilities.CreateInstance<JwtBearerGrant>(provider)
                : ActivatorUtilities.CreateInstance<ClientCredentialsGrant>(provider));
        services.AddSingleton<ISalesforceSession, OAuthSession>();

        services.AddTransient<SalesforceSessionHandler>();
        services.AddSingleton<ApiLimitMonitor>();
        services.AddTransient<ApiLimitHandler>();
        services.AddHttpClient<SalesforceRestClient>((provider, client) =>
            {
                client.BaseAddress = SalesforceSessionHandler.InstancePlaceholder;
                ConfigureTimeout(provider, client);
            })
            .AddHttpMessageHandler<SalesforceSessionHandler>()
            .AddHttpMessageHandler<ApiLimitHandler>()
            .AddHttpMessageHandler(provider => ApiCallMetricsHandler.Create(provider, "salesforce"));

        services.AddSingleton<AccountProblems>();
        services.AddProblemDetails();
        return services;
    }

    private static void ConfigureTimeout(IServiceProvider provider, HttpClient client)
    {
        var options = provider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
        client.Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
    }
}
