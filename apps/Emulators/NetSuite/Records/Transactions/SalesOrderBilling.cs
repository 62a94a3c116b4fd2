using System.Globalization;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>
/// Bills and ships Sales Orders the way NetSuite's Bill and Fulfill buttons do: an invoice or item fulfilment
/// created from the order for the quantities not yet billed or fulfilled, with <c>createdfrom</c> set to the order.
/// The order's lines keep the billed and fulfilled quantities, so a second call covers only what is left.
/// </summary>
public sealed class SalesOrderBilling(
    SalesOrderStore orders,
    TransactionLedger ledger,
    ItemCatalog items,
    ReferenceData referenceData)
{
    /// <summary>Creates an open invoice for the order's unbilled quantities, due in 30 days.</summary>
    public BillingOutcome Invoice(string salesOrderId) => orders.Write(store =>
    {
        var order = store.Find(salesOrderId);
        if (order is null)
        {
            return BillingOutcome.NotFound($"No Sales Order has the internal id {salesOrderId}.");
        }

        var open = order.Lines.Where(line => !line.IsClosed && line.Quantity > line.QuantityBilled).ToList();
        if (open.Count == 0)
        {
            return BillingOutcome.Conflict($"Sales Order {order.TranId} is fully billed.");
        }

        var lines = new List<TransactionLine>();
        foreach (var line in open)
        {
            var quantity = line.Quantity - line.QuantityBilled;
            var rate = RateOf(line);
            lines.Add(new TransactionLine(lines.Count + 1, line.ItemId, quantity, rate,
                Math.Round((decimal)quantity * rate, 2, MidpointRounding.AwayFromZero), line.Line));
        }

        var firstInvoice = order.Lines.All(line => line.QuantityBilled == 0);
        if (DiscountLine(order, lines, firstInvoice) is { } discount)
        {
            lines.Add(discount);
        }

        var total = lines.Sum(line => line.Amount);
        var today = DateOnly.FromDateTime(ledger.Now().UtcDateTime);
        var invoice = ledger.Add(new NetSuiteTransaction(
            "", TransactionTypes.Invoice, "", order.EntityId, order.Id, today, today.AddDays(30), "A", total, total,
            order.CurrencyId ?? "1", default)
        {
            Lines = lines,
        });

        store.Replace(order with { Lines = [.. order.Lines.Select(line => Billed(line, open))] });
        return BillingOutcome.Written(invoice);
    });

    /// <summary>
    /// Creates a shipped item fulfilment for the order's unfulfilled quantities. <paramref name="shipMethod"/> is a
    /// shipping item's name or internal id, and null keeps the order's ship method. Tracking numbers are generated
    /// when none are given.
    /// </summary>
    public BillingOutcome Fulfil(string salesOrderId, string? shipMethod, IReadOnlyList<string>? trackingNumbers) =>
        orders.Write(store =>
        {
            var order = store.Find(salesOrderId);
            if (order is null)
            {
                return BillingOutcome.NotFound($"No Sales Order has the internal id {salesOrderId}.");
            }

            var shipMethodId = order.ShipMethodId;
            if (shipMethod is not null && (shipMethodId = FindShippingItem(shipMethod)) is null)
            {
                return BillingOutcome.Invalid($"Carrier '{shipMethod}' is not a shipping item: use one of "
                    + string.Join(", ", referenceData.ShippingItems.Values) + ", or its internal id.");
            }

            var open = order.Lines.Where(line => !line.IsClosed && line.Quantity > line.QuantityFulfilled).ToList();
            if (open.Count == 0)
            {
                return BillingOutcome.Conflict($"Sales Order {order.TranId} is fully fulfilled.");
            }

            var lines = open.Select((line, index) => new TransactionLine(
                index + 1, line.ItemId, line.Quantity - line.QuantityFulfilled, 0m, 0m, line.Line)).ToList();
            var today = DateOnly.FromDateTime(ledger.Now().UtcDateTime);
            var fulfilment = ledger.Add(new NetSuiteTransaction(
                "", TransactionTypes.ItemFulfillment, "", order.EntityId, order.Id, today, null,
                TransactionTypes.Shipped, 0m, 0m, order.CurrencyId ?? "1", default)
            {
                Lines = lines,
                ShipMethodId = shipMethodId,
                ShipDate = today,
                TrackingNumbers = trackingNumbers is { Count: > 0 } ? [.. trackingNumbers] : [GenerateTrackingNumber()],
            });

            store.Replace(order with { Lines = [.. order.Lines.Select(line => Fulfilled(line, open))] });
            return BillingOutcome.Written(fulfilment);
        });

    /// <summary>
    /// Deletes a transaction, logs it in <c>DeletedRecord</c> and, for an invoice or fulfilment created from a
    /// Sales Order, gives its quantities back to the order's lines. Returns null when no transaction has the id.
    /// </summary>
    public NetSuiteTransaction? Delete(string id) => orders.Write(store =>
    {
        var removed = ledger.Delete(id);
        if (removed?.CreatedFrom is not { } orderId || store.Find(orderId) is not { } order || removed.Lines.Count == 0)
        {
            return removed;
        }

        var returned = removed.Lines.Where(line => line.OrderLine is not null)
            .ToDictionary(line => line.OrderLine!.Value, line => line.Quantity);
        var invoice = removed.Type == TransactionTypes.Invoice;
        store.Replace(order with
        {
            Lines = [.. order.Lines.Select(line => !returned.TryGetValue(line.Line, out var quantity) ? line
                : invoice ? line with { QuantityBilled = Math.Max(0, line.QuantityBilled - quantity) }
                : line with { QuantityFulfilled = Math.Max(0, line.QuantityFulfilled - quantity) })],
        });
        return removed;
    });

    /// <summary>The line's custom rate, or the item's base price when the line uses a price level.</summary>
    private decimal RateOf(SalesOrderLineRecord line) =>
        line.Rate is { } rate && decimal.TryParse(rate, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : items.Find(line.ItemId)?.BasePrice ?? 0m;

    /// <summary>
    /// The line of the order's header discount (<c>discountRate</c> such as <c>-10%</c> or <c>-25.00</c>): a percent
    /// applies to every invoice, an amount only to the first one.
    /// </summary>
    private static TransactionLine? DiscountLine(NetSuiteSalesOrder order, List<TransactionLine> lines, bool first)
    {
        var text = order.DiscountRate?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var percent = text.EndsWith('%');
        if (!decimal.TryParse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
            || (!percent && !first))
        {
            return null;
        }

        var amount = percent
            ? Math.Round(lines.Sum(line => line.Amount) * rate / 100m, 2, MidpointRounding.AwayFromZero)
            : rate;
        return new TransactionLine(lines.Count + 1, order.DiscountItemId ?? "", 1, amount, amount, null);
    }

    private string? FindShippingItem(string nameOrId) =>
        referenceData.ShippingItems.ContainsKey(nameOrId)
            ? nameOrId
            : referenceData.ShippingItems
                .FirstOrDefault(item => string.Equals(item.Value, nameOrId.Trim(), StringComparison.OrdinalIgnoreCase))
                .Key;

    private static SalesOrderLineRecord Billed(SalesOrderLineRecord line, List<SalesOrderLineRecord> open) =>
        open.Contains(line) ? line with { QuantityBilled = line.Quantity } : line;

    private static SalesOrderLineRecord Fulfilled(SalesOrderLineRecord line, List<SalesOrderLineRecord> open) =>
        open.Contains(line) ? line with { QuantityFulfilled = line.Quantity } : line;

    /// <summary>A tracking number in the shape of a UPS one: <c>1Z</c> and 16 letters and digits.</summary>
    private static string GenerateTrackingNumber() =>
        "1Z" + string.Concat(Enumerable.Range(0, 16).Select(_ => "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"[
            Random.Shared.Next(33)]));
}
