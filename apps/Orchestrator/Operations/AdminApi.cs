using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// The orchestrator's admin API under <c>/admin</c>, for operators and the status page. Every route needs the
/// admin token (<see cref="AdminTokenFilter"/>); without a configured token the routes return 404.
/// </summary>
public static partial class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var admin = endpoints.MapGroup("/admin").AddEndpointFilter<AdminTokenFilter>();

        admin.MapGet("/failures", ListFailuresAsync);
        admin.MapGet("/failures/{flow}/{recordId}", GetFailureAsync);
        admin.MapPost("/failures/{flow}/retry", RetryAllAsync);
        admin.MapPost("/failures/{flow}/{recordId}/retry", RetryAsync);
        admin.MapPost("/failures/{flow}/{recordId}/resolve", ResolveAsync);
        MapControl(admin);
        return endpoints;
    }

    private static async Task<IResult> ListFailuresAsync(
        string? flow, string? status, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        if (flow is not null && !SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        if (status is not null && !FailureStatus.IsValid(status))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid status filter",
                detail: $"Status '{status}' is invalid; use Open, Retried or Resolved.");
        }

        return TypedResults.Ok(await outcomes.ListFailuresAsync(flow, status, cancellationToken));
    }

    private static async Task<IResult> GetFailureAsync(
        string flow, string recordId, SyncOutcomeStore outcomes, CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        return await outcomes.GetAsync(flow, recordId, cancellationToken) is { Status: not null } failure
            ? TypedResults.Ok(failure)
            : FailureNotFound(flow, recordId);
    }

    private static async Task<IResult> RetryAsync(
        string flow, string recordId, FailureRetrier retrier, CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        try
        {
            return TypedResults.Ok(await retrier.RetryAsync(flow, recordId, cancellationToken));
        }
        catch (RetryRejectedException exception)
        {
            return TypedResults.Problem(statusCode: exception.StatusCode, title: exception.Title, detail: exception.Message);
        }
    }

    private static async Task<IResult> RetryAllAsync(
        string flow, FailureRetrier retrier, FlowPauseStore pauses, CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        if (await pauses.IsPausedAsync(flow, cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Flow paused",
                detail: $"Flow {flow} is paused; resume it before retrying.");
        }

        return TypedResults.Ok(await retrier.RetryAllAsync(flow, cancellationToken));
    }

    private static async Task<IResult> ResolveAsync(
        string flow, string recordId, SyncOutcomeStore outcomes, ILogger<FailureRetrier> logger,
        CancellationToken cancellationToken)
    {
        if (!SyncFlows.IsKnown(flow))
        {
            return SyncFlows.FlowNotFound(flow);
        }

        var resolved = await outcomes.SetStatusAsync(flow, recordId, FailureStatus.Resolved, cancellationToken);
        if (resolved is null)
        {
            return FailureNotFound(flow, recordId);
        }

        OperationsLog.ResolvedByHand(logger, flow, recordId);
        return TypedResults.Ok(resolved);
    }

    private static IResult FailureNotFound(string flow, string recordId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Failure not found",
            detail: $"Flow {flow} has no failure for record {recordId}.");
}
