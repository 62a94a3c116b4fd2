using DaprSync.SalesforceEmulator.Admin;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceEmulator.PubSub;
using DaprSync.SalesforceEmulator.Records;
using DaprSync.SalesforceEmulator.Rest;
using DaprSync.SalesforceEmulator.Rest.Collections;
using DaprSync.SalesforceEmulator.Rest.Query;
using DaprSync.SalesforceEmulator.Soql;
using DaprSync.SalesforceEmulator.Traffic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator;

/// <summary>Composition root of the Salesforce emulator, runnable alone or hosted by the sandbox.</summary>
public static class SalesforceEmulatorApp
{
    /// <summary>Registers the emulator's services.</summary>
    public static WebApplicationBuilder AddSalesforceEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<SalesforceEmulatorOptions>()
            .Bind(builder.Configuration.GetSection(SalesforceEmulatorOptions.SectionName))
            .ValidateOnStart();
        builder.Services
            .AddSingleton<IValidateOptions<SalesforceEmulatorOptions>, SalesforceEmulatorOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<IAccessTokenValidator>(provider => provider.GetRequiredService<SessionStore>());
        builder.Services.AddSingleton<JwtAssertionVerifier>();
        builder.Services.AddSingleton<ApiUsage>();
        builder.Services.AddSingleton<SalesforceRecords>();
        builder.Services.AddSingleton<RecordValidator>();
        builder.Services.AddSingleton<RestSessionFilter>();
        builder.Services.AddSingleton<SoqlExecutor>();
        builder.Services.AddSingleton<QueryCursors>();
        builder.Services.AddSingleton<ExternalIdLookup>();
        builder.Services.AddSingleton<CollectionsUpsert>();
        builder.Services.AddSingleton<CollectionsUpdate>();
        builder.AddPubSubApi();
        return builder;
    }

    /// <summary>Maps the emulator's endpoints.</summary>
    public static WebApplication MapSalesforceEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseSalesforceTraffic();
        app.MapOAuthApi();
        var rest = app.MapGroup("/services/data/{version}")
            .AddEndpointFilter<RouteGroupBuilder, RestSessionFilter>();
        rest.MapSObjectsApi();
        rest.MapCompositeTreeApi();
        rest.MapQueryApi();
        rest.MapCollectionsApi();
        rest.MapCollectionsUpdateApi();

        // TODO: the limits resource.
        app.MapAdminApi();
        app.MapPubSubApi();
        return app;
    }
}
