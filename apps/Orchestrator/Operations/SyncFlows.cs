using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Orders;
using DaprSync.Orchestrator.Payments;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// The flow names that the admin API and the status page accept. Event flows record outcomes under their flow
/// name, and each poller records them under its poller name, so both lists together are every known flow.
/// </summary>
public static class SyncFlows
{
    /// <summary>Flows driven by events or workflows, in status page order.</summary>
    public static readonly IReadOnlyList<string> EventFlows =
        [CustomerSynchronizer.Flow, OrderQueuedHandler.Flow, PaymentRecordedHandler.Flow];

    /// <summary>Pollers, the same list that the staleness alarm checks.</summary>
    public static readonly IReadOnlyList<string> Pollers = PollerStalenessAlarm.Pollers;

    /// <summary>Every known flow: the event flows, then the pollers.</summary>
    public static readonly IReadOnlyList<string> All = [.. EventFlows, .. Pollers];

    public static bool IsKnown(string flow) => All.Contains(flow, StringComparer.Ordinal);

    public static bool IsPoller(string poller) => Pollers.Contains(poller, StringComparer.Ordinal);

    /// <summary>The 404 for a flow name that is not in <see cref="All"/>.</summary>
    public static IResult FlowNotFound(string flow) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Flow not found",
            detail: $"Flow '{flow}' does not exist; use one of: {string.Join(", ", All)}.");

    /// <summary>The 404 for a poller name that is not in <see cref="Pollers"/>.</summary>
    public static IResult PollerNotFound(string poller) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Poller not found",
            detail: $"Poller '{poller}' does not exist; use one of: {string.Join(", ", Pollers)}.");
}
