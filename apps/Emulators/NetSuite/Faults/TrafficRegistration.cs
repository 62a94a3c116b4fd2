namespace DaprSync.NetSuiteEmulator.Faults;

/// <summary>Registers the concurrency gate and fault injection, and maps their admin endpoints.</summary>
public static class TrafficRegistration
{
    public static IServiceCollection AddNetSuiteTraffic(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrafficOptions>()
            .Bind(configuration.GetSection(NetSuiteEmulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Faults.ErrorStatus == 429 || o.Faults.ErrorStatus >= 500,
                "NetSuiteEmulator:Faults:ErrorStatus must be 429 or a 5xx status.")
            .ValidateOnStart();
        services.AddSingleton<ConcurrencyGate>();
        services.AddSingleton<FaultInjector>();
        return services;
    }

    /// <summary>
    /// Adds the middleware and maps <c>/admin/faults</c>, <c>/admin/faults/injected</c> (the errors and hangs
    /// injected since start) and <c>/admin/concurrency</c>.
    /// </summary>
    public static WebApplication UseNetSuiteTraffic(this WebApplication app)
    {
        app.UseMiddleware<TrafficMiddleware>();

        var admin = app.MapGroup("/admin");
        admin.MapGet("/faults", (FaultInjector faults) => Results.Ok(faults.Current));
        admin.MapPost("/faults", (FaultPlan plan, FaultInjector faults) =>
        {
            faults.Apply(plan);
            return Results.Ok(faults.Current);
        });
        admin.MapGet("/faults/injected", (FaultInjector faults) =>
            Results.Ok(new { errors = faults.ErrorCount, hangs = faults.HangCount, total = faults.InjectedCount }));
        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });
        admin.MapGet("/concurrency", (ConcurrencyGate gate) =>
            Results.Ok(new
            {
                limit = gate.Limit,
                inFlight = gate.InFlight,
                peak = gate.Peak,
                rejected = gate.Rejected,
            }));
        admin.MapDelete("/concurrency", (ConcurrencyGate gate) =>
        {
            gate.Reset();
            return Results.NoContent();
        });
        return app;
    }
}
