using System.Text.Json;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Fulfilments;

/// <summary>
/// Writes fulfilments onto their Salesforce Orders through <c>POST /orders/fulfilments</c>. The fulfilments of a
/// batch are first applied to the known fulfilments of their orders, then each order affected gets one update built
/// from all of them, and every fulfilment of the batch takes the outcome of its order's update.
/// </summary>
public sealed partial class FulfilmentSink(
    ISalesforceSapi salesforce, OrderFulfilmentStore store, ILogger<FulfilmentSink> logger)
    : IPollerSink<PolledChange<NetSuiteFulfilment>>
{
    public async Task<IReadOnlyList<SinkOutcome>> UpsertAsync(
        IReadOnlyList<PolledChange<NetSuiteFulfilment>> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var orders = new Dictionary<string, Dictionary<string, KnownFulfilment>>(StringComparer.Ordinal);
        var lastChanged = new Dictionary<string, string>(StringComparer.Ordinal);
        var orderOfChange = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var change = batch[i];
            var fulfilmentId = change.Record?.InternalId ?? change.Deletion!.InternalId;
            var orderId = change.Record?.SalesOrderId ?? await store.FindOrderAsync(fulfilmentId, cancellationToken);
            if (orderId is null)
            {
                // Deleted before any run read it, so no Order in Salesforce carries it.
                UnknownDeletion(logger, fulfilmentId);
                continue;
            }

            if (!orders.TryGetValue(orderId, out var known))
            {
                known = await store.GetOrderAsync(orderId, cancellationToken);
                orders[orderId] = known;
            }

            if (change.Record is { } record)
            {
                known[fulfilmentId] = new KnownFulfilment(
                    fulfilmentId, record.ShipDate, record.Carrier, record.TrackingNumbers, record.Status,
                    record.LastModifiedDate);
                await store.RememberOrderAsync(fulfilmentId, orderId, cancellationToken);
            }
            else
            {
                known.Remove(fulfilmentId);
            }

            orderOfChange[i] = orderId;
            lastChanged[orderId] = fulfilmentId;
        }

        foreach (var (orderId, known) in orders)
        {
            await store.SaveOrderAsync(orderId, known, cancellationToken);
        }

        var updates = orders.Keys
            .Select(orderId => OrderFulfilmentAggregate.Build(orderId, orders[orderId], lastChanged[orderId]))
            .ToList();
        var results = await SendAsync(updates, cancellationToken);
        var updatesByOrder = updates.ToDictionary(u => u.OrderNetSuiteId, StringComparer.Ordinal);
        return [.. batch.Select((change, index) => OutcomeOf(change, orderOfChange[index], results, updatesByOrder))];
    }

    private async Task<Dictionary<string, (bool Success, string? ErrorCode, string? Message)>> SendAsync(
        List<OrderFulfilmentUpdate> updates, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, (bool, string?, string?)>(StringComparer.Ordinal);
        if (updates.Count == 0)
        {
            return results;
        }

        BatchUpsertResponse response;
        try
        {
            response = await Transient.RunAsync(
                $"Updating {updates.Count} Orders with their fulfilments in Salesforce",
                () => salesforce.UpdateOrderFulfilmentsAsync(updates, cancellationToken),
                cancellationToken);
        }
        catch (TransientPollerException exception) when (exception.Permanent)
        {
            foreach (var update in updates)
            {
                results[update.OrderNetSuiteId] = (false, "BATCH_REJECTED", exception.Message);
            }

            return results;
        }

        for (var index = 0; index < updates.Count; index++)
        {
            var result = response.Results.FirstOrDefault(r => r.Index == index);
            var error = result?.Errors.FirstOrDefault();
            results[updates[index].OrderNetSuiteId] = result is null
                ? (false, "MISSING_RESULT", "Salesforce returned no result for this Order.")
                : (result.Success, error?.StatusCode, error is null ? null : $"{error.Message} (fields: {string.Join(", ", error.Fields)})");
        }

        return results;
    }

    private static SinkOutcome OutcomeOf(
        PolledChange<NetSuiteFulfilment> change,
        string? orderId,
        Dictionary<string, (bool Success, string? ErrorCode, string? Message)> results,
        Dictionary<string, OrderFulfilmentUpdate> updatesByOrder)
    {
        var id = change.Record?.InternalId ?? change.Deletion!.InternalId;
        var reference = change.Record is { } record
            ? $"Fulfilment {record.TranId} of sales order {record.SalesOrderId}"
            : $"Fulfilment deleted in NetSuite at {change.Deletion!.DeletedDate:yyyy-MM-dd HH:mm:ss} UTC, sales order {orderId ?? "unknown"}";
        if (orderId is null)
        {
            return new SinkOutcome(id, true, null, null, reference);
        }

        var (success, errorCode, message) = results[orderId];
        // A failed record keeps its Order's update, so an operator's retry can find the Order to send again.
        return new SinkOutcome(id, success, errorCode, message, reference)
        {
            UpsertJson = success ? null : JsonSerializer.Serialize(updatesByOrder[orderId], JsonSerializerOptions.Web),
        };
    }

    [LoggerMessage(EventId = 1230, Level = LogLevel.Information,
        Message = "Fulfilment {FulfilmentId} was deleted in NetSuite before it was synced; no Order to update")]
    private static partial void UnknownDeletion(ILogger logger, string fulfilmentId);
}
