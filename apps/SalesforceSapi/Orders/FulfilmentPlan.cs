using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceSapi.Rest;

namespace DaprSync.SalesforceSapi.Orders;

/// <summary>
/// The Order updates of one fulfilment batch, and the results of the entries that need no update: an
/// unknown NetSuite order, one matched by several Orders, or one repeated later in the batch.
/// </summary>
internal sealed class FulfilmentPlan
{
    private readonly IReadOnlyList<OrderFulfilmentUpdate> _updates;
    private readonly RecordUpsertResult?[] _results;

    private FulfilmentPlan(IReadOnlyList<OrderFulfilmentUpdate> updates)
    {
        _updates = updates;
        _results = new RecordUpsertResult?[updates.Count];
    }

    /// <summary>Updates to send, each with the batch position of its entry.</summary>
    public List<(int Index, string OrderId, JsonObject Fields)> Writes { get; } = [];

    public static FulfilmentPlan Create(IReadOnlyList<OrderFulfilmentUpdate> updates, ILookup<string, string> orderIds)
    {
        var plan = new FulfilmentPlan(updates);
        var lastIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < updates.Count; i++)
        {
            lastIndex[updates[i].OrderNetSuiteId] = i;
        }

        for (var i = 0; i < updates.Count; i++)
        {
            var key = updates[i].OrderNetSuiteId;
            var matches = orderIds[key].ToList();
            if (lastIndex[key] != i)
            {
                plan.Fail(i, "DUPLICATE_VALUE",
                    $"NetSuite order {key} appears again later in the batch; only its last update is written.");
            }
            else if (matches.Count == 0)
            {
                plan.Fail(i, "NOT_FOUND", $"Salesforce has no Order with NetSuite_Order_Id__c {key}.");
            }
            else if (matches.Count > 1)
            {
                plan.Fail(i, "DUPLICATE_EXTERNAL_ID",
                    $"NetSuite order {key} matches more than one Order: {string.Join(", ", matches)}.");
            }
            else
            {
                plan.Writes.Add((i, matches[0], FulfilmentWriteback.FieldsOf(matches[0], updates[i])));
            }
        }

        return plan;
    }

    /// <summary>
    /// Returns every entry's result in batch order. <paramref name="saves"/> contains the save results of
    /// <see cref="Writes"/>, in the same order.
    /// </summary>
    public IReadOnlyList<RecordUpsertResult> Complete(IReadOnlyList<RecordSaveResult> saves)
    {
        for (var position = 0; position < Writes.Count; position++)
        {
            var (index, orderId, _) = Writes[position];
            var save = saves[position];
            _results[index] = new RecordUpsertResult(
                index, _updates[index].OrderNetSuiteId, orderId, save.Success, Created: false, save.Errors);
        }

        return _results.Select(result => result!).ToList();
    }

    private void Fail(int index, string code, string message) => _results[index] = new RecordUpsertResult(
        index, _updates[index].OrderNetSuiteId, Id: null, Success: false, Created: false,
        [new SalesforceRecordError(code, message, ["NetSuite_Order_Id__c"])]);
}
