using DaprSync.Runtime;
using DaprSync.SalesforceSapi.Auth;
using DaprSync.SalesforceSapi.PubSub;
using DaprSync.SalesforceSapi.Rest;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.Sweep;

/// <summary>
/// Publishes the bus events that the triggers would have published, read with SOQL instead of the Pub/Sub
/// API: the catch-up sweep after missed events, and the go-live backfill.
/// </summary>
public sealed class CatchUpSweep(
    SalesforceRestClient salesforce,
    ISalesforceSession sessions,
    IEventPublisher publisher,
    ReplayIdStore replayIds,
    IOptions<SweepOptions> options,
    ILogger<CatchUpSweep> logger)
{
    /// <summary>
    /// Returns where a catch-up sweep of <paramref name="sObjectType"/> starts by default: the overlap before
    /// the last event bridged from its topic, or null (no bound) when no event has been bridged yet.
    /// </summary>
    public async Task<DateTimeOffset?> DefaultSinceAsync(string sObjectType, CancellationToken cancellationToken)
    {
        var target = Require(sObjectType);
        var lastEvent = await replayIds.GetLastEventDateAsync(target.PlatformEventTopic, cancellationToken);
        return StartAfter(lastEvent);
    }

    /// <summary>Returns where a sweep after <paramref name="lastEventDate"/> starts: the overlap before it.</summary>
    public DateTimeOffset? StartAfter(DateTimeOffset? lastEventDate) => lastEventDate - options.Value.Overlap;

    /// <summary>
    /// Publishes an event for each record of <paramref name="sObjectType"/> changed since <paramref name="since"/>
    /// (all when null) by a user other than the integration user, and for each one without a NetSuite id.
    /// </summary>
    public async Task<SweepObjectResult> SweepAsync(
        string sObjectType, DateTimeOffset? since, LeaseFence? fence, CancellationToken cancellationToken)
    {
        var target = Require(sObjectType);
        var session = await sessions.GetAsync(cancellationToken);
        if (session.UserId is null)
        {
            SweepLog.IntegrationUserUnknown(logger, target.SObjectType);
        }

        var soql = target.CatchUpQuery(since, session.UserId, options.Value.OrderQueuedStatus);
        return await RunAsync(target, "catch-up", soql, since, fence, cancellationToken);
    }

    /// <summary>Publishes an event for every Account, or for every queued Order without a NetSuite order id.</summary>
    public Task<SweepObjectResult> BackfillAsync(string sObjectType, CancellationToken cancellationToken)
    {
        var target = Require(sObjectType);
        var soql = target.BackfillQuery(options.Value.OrderQueuedStatus);
        return RunAsync(target, "backfill", soql, since: null, fence: null, cancellationToken);
    }

    private async Task<SweepObjectResult> RunAsync(
        SweepTarget target,
        string kind,
        string soql,
        DateTimeOffset? since,
        LeaseFence? fence,
        CancellationToken cancellationToken)
    {
        SweepLog.Started(logger, kind, target.SObjectType, since);

        // QueryAsync follows nextRecordsUrl until the last batch, so every matching row comes back.
        var rows = await salesforce.QueryAsync(soql, cancellationToken);
        foreach (var row in rows)
        {
            if (fence is not null)
            {
                await fence(cancellationToken);
            }

            await target.PublishAsync(publisher, row, cancellationToken);
        }

        SweepLog.Finished(logger, kind, target.SObjectType, rows.Count);
        return new SweepObjectResult(target.SObjectType, since, rows.Count);
    }

    private static SweepTarget Require(string sObjectType) => SweepTarget.Find(sObjectType)
        ?? throw new ArgumentException(
            $"The sweep covers Account and Order, not '{sObjectType}'.", nameof(sObjectType));
}
