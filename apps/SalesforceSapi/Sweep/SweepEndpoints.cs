using DaprSync.SalesforceSapi.Accounts;
using DaprSync.SalesforceSapi.PubSub;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>
/// <c>POST /sweeps</c> (an on-demand catch-up sweep) and <c>POST /sweeps/backfill</c> (the go-live load: every
/// Account, then every queued Order without a NetSuite order id). Both return the counts per sObject.
/// </summary>
public static class SweepEndpoints
{
    /// <summary>
    /// Registers the sweep, its <c>Salesforce:Sweep</c> options and the sweep that runs after an expired replay id.
    /// </summary>
    public static IHostApplicationBuilder AddCatchUpSweep(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SweepOptions>()
            .Bind(builder.Configuration.GetSection(SweepOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ReplayIdStore>();
        builder.Services.AddSingleton<CatchUpSweep>();
        builder.Services.AddSingleton<IReplayGapSweeper, ReplayGapSweeper>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var sweeps = endpoints.MapGroup("/sweeps").AddEndpointFilter<RouteGroupBuilder, AccountProblems>();
        sweeps.MapPost("", SweepAsync);
        sweeps.MapPost("/backfill", BackfillAsync);
        return endpoints;
    }

    private static async Task<IResult> SweepAsync(
        SweepRequest? request, CatchUpSweep sweep, CancellationToken cancellationToken)
    {
        var names = request?.Objects is { Count: > 0 } requested
            ? requested
            : SweepTarget.All.Select(target => target.SObjectType).ToList();
        var unknown = names.Where(name => SweepTarget.Find(name) is null).ToList();
        if (unknown.Count > 0)
        {
            return AccountProblems.Problem(
                StatusCodes.Status400BadRequest,
                "Invalid sweep request",
                $"The sweep covers Account and Order, not '{string.Join("', '", unknown)}'.",
                null,
                []);
        }

        var results = new List<SweepObjectResult>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var since = request?.Since ?? await sweep.DefaultSinceAsync(name, cancellationToken);
            results.Add(await sweep.SweepAsync(name, since, fence: null, cancellationToken));
        }

        return TypedResults.Ok(new SweepResponse(results));
    }

    private static async Task<IResult> BackfillAsync(CatchUpSweep sweep, CancellationToken cancellationToken)
    {
        // Accounts go first, so the event of an Order's Account is on the bus before the Order's own event.
        var accounts = await sweep.BackfillAsync(SweepTarget.Account.SObjectType, cancellationToken);
        var orders = await sweep.BackfillAsync(SweepTarget.Order.SObjectType, cancellationToken);
        return TypedResults.Ok(new SweepResponse([accounts, orders]));
    }
}
