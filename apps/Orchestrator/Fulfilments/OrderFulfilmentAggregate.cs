using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Fulfilments;

/// <summary>Builds an Order's shipping state from all of its known fulfilments.</summary>
public static class OrderFulfilmentAggregate
{
    /// <summary>
    /// The status of a fulfilment without a shipping status. NetSuite leaves it empty when the account does not use
    /// pick, pack and ship, and a fulfilment is then shipped when it is saved.
    /// </summary>
    public const string StatusWhenMissing = "Shipped";

    /// <summary>
    /// Returns the update of one Order: every tracking number of its fulfilments (in ship date order, without
    /// duplicates), and the ship date, carrier and status of the latest one. An order whose fulfilments were all
    /// deleted gets status <c>Deleted</c>, no ship date and no tracking numbers.
    /// </summary>
    public static OrderFulfilmentUpdate Build(
        string orderNetSuiteId, IReadOnlyDictionary<string, KnownFulfilment> fulfilments, string lastChangedId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNetSuiteId);
        ArgumentNullException.ThrowIfNull(fulfilments);
        if (fulfilments.Count == 0)
        {
            return new OrderFulfilmentUpdate(
                orderNetSuiteId, lastChangedId, null, null, [], PolledChange<KnownFulfilment>.DeletedStatus);
        }

        var ordered = fulfilments.Values
            .OrderBy(f => f.ShipDate)
            .ThenBy(f => f.LastModified)
            .ThenBy(f => f.InternalId, StringComparer.Ordinal)
            .ToList();
        var latest = ordered[^1];
        var trackingNumbers = ordered
            .SelectMany(f => f.TrackingNumbers)
            .Select(number => number.Trim())
            .Where(number => number.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var carrier = latest.Carrier ?? ordered.LastOrDefault(f => f.Carrier is not null)?.Carrier;
        return new OrderFulfilmentUpdate(
            orderNetSuiteId,
            latest.InternalId,
            latest.ShipDate,
            carrier,
            trackingNumbers,
            string.IsNullOrWhiteSpace(latest.Status) ? StatusWhenMissing : latest.Status);
    }
}
