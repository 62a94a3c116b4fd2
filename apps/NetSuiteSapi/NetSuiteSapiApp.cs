using DaprSync.Contracts;
using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.Customers;
using DaprSync.NetSuiteSapi.SalesOrders;
using DaprSync.NetSuiteSapi.Payments;
using DaprSync.NetSuiteSapi.SuiteQl;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability;
using DaprSync.NetSuiteSapi.Health;

namespace DaprSync.NetSuiteSapi;

/// <summary>Composition root of the NetSuite System API (Dapr app id <c>ns-sapi</c>).</summary>
public static class NetSuiteSapiApp
{
    public const string AppId = AppIds.NetSuiteSapi;

    /// <summary>Registers the app's services and its side of the runtime seam.</summary>
    public static WebApplicationBuilder AddNetSuiteSapi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDaprSyncRuntime(AppId);
        builder.AddDaprSyncObservability(AppId);
        builder.Services.AddHealthChecks().AddCheck<NetSuiteCredentialsCheck>(
            "netsuite-credentials", tags: [ObservabilityRegistration.ReadyTag]);
        builder.Services.AddNetSuiteConcurrency(builder.Configuration);
        builder.Services.AddNetSuiteRestClient(builder.Configuration);
        builder.Services.AddNetSuiteSalesOrders(builder.Configuration);
        builder.Services.AddNetSuiteQueriesAndPayments(builder.Configuration);
        return builder;
    }

    /// <summary>Maps the app's endpoints, the CloudEvents middleware and the Dapr subscribe handler.</summary>
    public static WebApplication MapNetSuiteSapi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapDaprSyncHealth();
        app.MapDaprSyncReadiness();
        app.MapCustomersApi();
        app.MapSalesOrdersApi();
        app.MapTransactionsApi();
        app.MapPaymentsApi();
        app.MapConcurrencyInUse();
        return app;
    }
}
