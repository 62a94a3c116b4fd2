using DaprSync.Runtime;

namespace DaprSync.Orchestrator.Fulfilments;

/// <summary>One item fulfilment of a Sales Order as the fulfilment poller last read it from NetSuite.</summary>
public sealed record KnownFulfilment(
    string InternalId,
    DateOnly ShipDate,
    string? Carrier,
    IReadOnlyList<string> TrackingNumbers,
    string? Status,
    DateTimeOffset LastModified);

/// <summary>
/// The fulfilments of each Sales Order that the poller has read, in the state store. An Order's update in
/// Salesforce replaces its tracking numbers, so each update is built from every fulfilment of the order, also
/// those read in earlier runs. The store also maps each fulfilment to its order, because NetSuite's deleted-record
/// list gives only the fulfilment's id.
/// </summary>
public sealed class OrderFulfilmentStore(IStateStore state)
{
    /// <summary>Returns the known fulfilments of an order by fulfilment id; empty when none was read yet.</summary>
    public async Task<Dictionary<string, KnownFulfilment>> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync<Dictionary<string, KnownFulfilment>>(OrderKey(orderId), cancellationToken);
        return stored?.Value is { } fulfilments
            ? new Dictionary<string, KnownFulfilment>(fulfilments, StringComparer.Ordinal)
            : new Dictionary<string, KnownFulfilment>(StringComparer.Ordinal);
    }

    public Task SaveOrderAsync(
        string orderId, IReadOnlyDictionary<string, KnownFulfilment> fulfilments, CancellationToken cancellationToken) =>
        state.SaveAsync(OrderKey(orderId), fulfilments, cancellationToken: cancellationToken);

    /// <summary>Returns the Sales Order id of a fulfilment read before, or null when it was never read.</summary>
    public async Task<string?> FindOrderAsync(string fulfilmentId, CancellationToken cancellationToken) =>
        (await state.GetAsync<string>(FulfilmentKey(fulfilmentId), cancellationToken))?.Value;

    // The mapping stays after a deletion, so a run that repeats after a transient failure can apply it again.
    // NOTE: nothing removes these entries or those of closed orders, so the state grows with every fulfilment.
    public Task RememberOrderAsync(string fulfilmentId, string orderId, CancellationToken cancellationToken) =>
        state.SaveAsync(FulfilmentKey(fulfilmentId), orderId, cancellationToken: cancellationToken);

    private static string OrderKey(string orderId) => $"fulfilments-of-order:{orderId}";

    private static string FulfilmentKey(string fulfilmentId) => $"order-of-fulfilment:{fulfilmentId}";
}
