using DaprSync.Contracts;
using DaprSync.Runtime;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Operations;

/// <summary>Registers and maps the admin API, the status page and the dead-letter subscription.</summary>
public static class OperationsRegistration
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AdminOptions>()
            .Bind(builder.Configuration.GetSection(AdminOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<AdminOptions>, AdminOptionsSetup>();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.AddSingleton<FlowPauseStore>();
        builder.Services.AddSingleton<DeadLetterStore>();
        builder.Services.AddScoped<FailureRetrier>();
        builder.Services.AddScoped<SystemApiStatusReader>();
        builder.Services.AddScoped<StatusPageReader>();
        builder.AddAppClient<ISalesforceLimitsClient>(AppIds.SalesforceSapi);
        builder.AddAppClient<INetSuiteConcurrencyClient>(AppIds.NetSuiteSapi);
        return builder;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapAdminApi();
        endpoints.MapStatusPage();
        endpoints.MapDeadLetterSubscription();
        return endpoints;
    }
}
