using DaprSync.NetSuiteEmulator.Auth;
using DaprSync.NetSuiteEmulator.Diagnostics;
using DaprSync.NetSuiteEmulator.Faults;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Customers;
using DaprSync.NetSuiteEmulator.Records.Payments;
using DaprSync.NetSuiteEmulator.Soap;
using DaprSync.NetSuiteEmulator.SuiteQl;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprSync.NetSuiteEmulator;

/// <summary>Composition root of the NetSuite emulator, runnable alone or hosted by the sandbox.</summary>
/// <remarks>
/// Each API gets its own route group under <c>/services/rest</c> (the record API now, SuiteQL later) or under
/// <c>/services/NetSuitePort_*</c> for SOAP, and each record type its own folder under <c>Records</c>.
/// </remarks>
public static class NetSuiteEmulatorApp
{
    /// <summary>Path of the REST record API, version 1.</summary>
    public const string RecordApiPrefix = "/services/rest/record/v1";

    /// <summary>Registers the emulator's services.</summary>
    public static WebApplicationBuilder AddNetSuiteEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<NetSuiteEmulatorOptions>()
            .Bind(builder.Configuration.GetSection(NetSuiteEmulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReferenceData>();
        builder.Services.AddSingleton<NetSuiteRecords>();
        builder.Services.AddSingleton<Records.Items.ItemCatalog>();
        builder.Services.AddSingleton<NetSuiteCallCounter>();
        builder.Services.AddSingleton<NonceRegistry>();
        builder.Services.AddSingleton<TbaVerifier>();
        builder.Services.AddSingleton<CustomerWrites>();
        builder.Services.AddNetSuiteSuiteQl();
        builder.Services.AddNetSuitePayments();
        builder.Services.AddNetSuiteTraffic(builder.Configuration);
        builder.AddNetSuiteSoapPort();
        return builder;
    }

    /// <summary>Status of a request whose client disconnected before the response, as nginx logs it.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Maps the emulator's endpoints.</summary>
    public static WebApplication MapNetSuiteEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A client that hangs up (a killed process, a timed-out call) cancels the emulated latency or hang. The
        // response has no reader, so the request ends as nginx's 499 "client closed request" instead of a 500 error.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = ClientClosedRequest;
                }
            }
        });
        app.UseNetSuiteTraffic();
        app.UseNetSuiteThrottle();

        var records = app.MapGroup(RecordApiPrefix);
        records.AddEndpointFilter(new CallCountingFilter(app.Services.GetRequiredService<NetSuiteCallCounter>()));
        records.AddEndpointFilter(ActivatorUtilities.CreateInstance<TbaEndpointFilter>(app.Services));
        records.MapCustomerRecords();
        records.MapCustomerPayments();
        app.MapNetSuiteSuiteQl();
        app.MapNetSuiteSoapPort();
        return app;
    }
}
