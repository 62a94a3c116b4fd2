using DaprSync.Contracts;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability;
using DaprSync.SalesforceSapi.Health;
using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.Orders;
using DaprSync.SalesforceSapi.PubSub;
using DaprSync.SalesforceSapi.Sweep;
using DaprSync.SalesforceSapi.Rest;
using DaprSync.SalesforceSapi.Transactions;

namespace DaprSync.SalesforceSapi;

/// <summary>Composition root of the Salesforce System API (Dapr app id <c>sf-sapi</c>).</summary>
public static class SalesforceSapiApp
{
    public const string AppId = AppIds.SalesforceSapi;

    /// <summary>Registers the app's services and its side of the runtime seam.</summary>
    public static WebApplicationBuilder AddSalesforceSapi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDaprSyncRuntime(AppId);
        builder.AddDaprSyncObservability(AppId);
        builder.Services.AddHealthChecks().AddCheck<SalesforceCredentialsCheck>(
            "salesforce-credentials", tags: [ObservabilityRegistration.ReadyTag]);
        builder.Services.AddSalesforceRest(builder.Configuration);
        builder.AddPlatformEventSubscribers();
        builder.AddCatchUpSweep();
        return builder;
    }

    /// <summary>Maps the app's endpoints, the CloudEvents middleware and the Dapr subscribe handler.</summary>
    public static WebApplication MapSalesforceSapi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapDaprSyncHealth();
        app.MapDaprSyncReadiness();
        app.MapAccountsApi();
        app.MapOrdersApi();
        app.MapTransactionsApi();
        app.MapTransactionDeletions();
        app.MapSweepsApi();
        app.MapApiAllowance();
        return app;
    }
}
