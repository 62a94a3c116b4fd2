using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Orders;

/// <summary>Registers the order flow: settings, mapper, subscription handler and the workflow's activities.</summary>
public static class OrderSyncRegistration
{
    public static WebApplicationBuilder AddOrderSync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<OrderSyncOptions>()
            .Bind(builder.Configuration.GetSection(OrderSyncOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderToSalesOrderMapper>();
        builder.Services.AddScoped<OrderQueuedHandler>();
        builder.AddDaprSyncWorkflows(workflows => workflows
            .AddWorkflow<OrderSyncWorkflow>()
            .AddActivity<FetchOrderActivity>()
            .AddActivity<EnsureCustomerActivity>()
            .AddActivity<UpsertSalesOrderActivity>()
            .AddActivity<CompleteOrderSyncActivity>());
        return builder;
    }
}
