using Dapr;
using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Fulfilments;
using DaprSync.Orchestrator.Invoices;
using DaprSync.Orchestrator.Notifications;
using DaprSync.Orchestrator.Operations;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Payments;
using DaprSync.Orchestrator.Polling;
using DaprSync.Orchestrator.Refunds;
using DaprSync.Runtime;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator;

/// <summary>Composition root of the Orchestrator (Dapr app id <c>orchestrator</c>).</summary>
public static class OrchestratorApp
{
    public const string AppId = AppIds.Orchestrator;

    /// <summary>Registers the app's services and its side of the runtime seam.</summary>
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDaprSyncRuntime(AppId);
        builder.AddDaprSyncObservability(AppId);
        builder.AddAppClient<ISalesforceSapi>(AppIds.SalesforceSapi);
        builder.AddAppClient<INetSuiteSapi>(AppIds.NetSuiteSapi);
        builder.Services.AddSingleton<SyncOutcomeStore>();
        builder.AddCustomerSync();
        builder.AddPollers();
        builder.AddOperations();
        builder.AddOrderSync();
        builder.AddPaymentSync();
        builder.AddFailureDigest();
        return builder;
    }

    /// <summary>Maps the app's endpoints, the CloudEvents middleware and the Dapr subscribe handler.</summary>
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The CloudEvent id is forwarded as a header so that an event whose body lacks EventId can
        // still be recorded under its id when it is dropped; the topic identifies a dead letter's origin.
        app.UseCloudEvents(new CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ["id", "topic"],
        });
        app.MapSubscribeHandler();
        app.MapDaprSyncHealth();
        app.MapDaprSyncReadiness();
        app.MapCustomerSyncApi();
        app.MapOrderSyncApi();
        app.MapPaymentSyncApi();
        app.MapOutcomesApi();
        app.MapPollerApi();
        app.MapOperations();
        return app;
    }

    private static void AddPollers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        foreach (var poller in new[] { "invoice", "refund", "fulfilment" })
        {
            builder.Services.AddOptions<PollerOptions>(poller)
                .Bind(builder.Configuration.GetSection($"Pollers:{poller}"))
                .Validate(o => o.PageSize is >= 1 and <= 1000, $"Pollers:{poller}:PageSize must be 1 to 1000.")
                .Validate(o => o.BatchSize is >= 1 and <= 200, $"Pollers:{poller}:BatchSize must be 1 to 200.")
                .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), $"Pollers:{poller}:LeaseDuration must be 1 s or more.")
                .ValidateOnStart();
        }

        builder.Services.AddSingleton<FailureEmailSender>();
        builder.Services.AddSingleton<StateLease>();
        builder.Services.AddSingleton<WatermarkStore>();
        builder.Services.AddSingleton<PollerRunLog>();
        builder.Services.AddSingleton<PollerEngine>();
        builder.Services.AddSingleton<PollerHealthStore>();
        builder.Services.AddOptions<PollerAlarmOptions>().Bind(builder.Configuration.GetSection("Pollers:Alarm"));
        builder.Services.AddSingleton<PollerStalenessAlarm>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PollerStalenessAlarm>());
        builder.Services.AddScoped<InvoiceSource>();
        builder.Services.AddScoped<InvoiceSink>();
        builder.Services.AddScoped<RefundSource>();
        builder.Services.AddScoped<RefundSink>();
        builder.Services.AddSingleton<OrderFulfilmentStore>();
        builder.Services.AddScoped<FulfilmentSource>();
        builder.Services.AddScoped<FulfilmentSink>();
    }

    private static void AddCustomerSync(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CustomerSyncOptions.SectionName);
        builder.Services.AddOptions<CustomerSyncOptions>()
            .Bind(section)
            .PostConfigure(options => CustomerSyncDefaults.Apply(options, section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CustomerSyncOptions>, CustomerSyncOptionsValidator>();
        builder.Services.AddSingleton<AccountToCustomerMapper>();
        builder.Services.AddScoped<CustomerSynchronizer>();
        builder.Services.AddScoped<AccountChangedHandler>();
    }
}
