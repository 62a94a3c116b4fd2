using DaprSync.NetSuiteEmulator.Auth;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Records.Transactions;

namespace DaprSync.NetSuiteEmulator.SuiteQl;

/// <summary>Registers the transaction ledger, the billing simulation and the SuiteQL query service.</summary>
public static class SuiteQlRegistration
{
    /// <summary>Path of the REST query service, version 1.</summary>
    public const string QueryApiPrefix = "/services/rest/query/v1";

    public static IServiceCollection AddNetSuiteSuiteQl(this IServiceCollection services)
    {
        services.AddSingleton<TransactionLedger>();
        services.AddSingleton<BillingSimulation>();
        services.AddSingleton<SalesOrderBilling>();
        services.AddSingleton<ISuiteQlTable, TransactionTable>();
        services.AddSingleton<ISuiteQlTable, ItemTable>();
        services.AddSingleton<ISuiteQlTable, DeletedRecordTable>();
        services.AddSingleton<SuiteQlEngine>();
        return services;
    }

    /// <summary>Maps the SuiteQL endpoint, TBA-verified and counted like the record API, and the billing admin
    /// endpoints.</summary>
    public static WebApplication MapNetSuiteSuiteQl(this WebApplication app)
    {
        var query = app.MapGroup(QueryApiPrefix);
        query.AddEndpointFilter(new CallCountingFilter(app.Services.GetRequiredService<NetSuiteCallCounter>()));
        query.AddEndpointFilter(ActivatorUtilities.CreateInstance<TbaEndpointFilter>(app.Services));
        query.MapSuiteQlQuery();
        app.MapBillingAdmin();
        return app;
    }
}
