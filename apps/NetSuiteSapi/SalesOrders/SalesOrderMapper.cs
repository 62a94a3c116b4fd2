using System.Globalization;
using DaprSync.Contracts.Geography;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Soap.Contracts;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Builds the SOAP Sales Order from a request. Null optional values are omitted and named in
/// <c>nullFieldList</c>. Lines carry the custom price level <c>-1</c> with the Salesforce net price (the
/// unit price less the line discount) as <c>rate</c>, so NetSuite does not reprice them, and the OrderItem id in a
/// custom column that keys them on update. The undiscounted unit price, the discount percent, the sequence name and
/// the quote line id go to custom columns of their own.
/// </summary>
public sealed class SalesOrderMapper(SalesOrderOptions settings, TimeZoneInfo accountTimeZone)
{
    public const string OrderIdField = "custbody_dsync_sf_order_id";
    public const string OrderItemIdColumn = "custcol_dsync_sf_order_item_id";
    public const string ListRateColumn = "custcol_dsync_list_rate";
    public const string DiscountPercentColumn = "custcol_dsync_discount_pct";
    public const string SequenceNameColumn = "custcol_dsync_sequence_name";
    public const string QuoteLineIdColumn = "custcol_dsync_quote_line_id";
    public const string CustomPriceLevel = "-1";

    /// <summary>Maps <paramref name="request"/>; <paramref name="existing"/> is the stored order on update.</summary>
    public SalesOrder Map(
        SalesOrderUpsertRequest request,
        Country? shippingCountry,
        IReadOnlyDictionary<string, string> itemIds,
        SalesOrder? existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = new SalesOrder
        {
            InternalId = existing?.InternalId,
            ExternalId = request.ExternalId,
            Entity = RecordRef.ById(request.CustomerInternalId),
            Currency = RecordRef.ByIdOrNull(settings.CurrencyId),
            TranDate = ToDateTime(request.OrderDate),
            OtherRefNum = Blank(request.PurchaseOrderNumber),
            Memo = Blank(request.Memo),
            DiscountItem = request.DiscountPercent is null ? null : RecordRef.ByIdOrNull(settings.DiscountItemId),
            DiscountRate = request.DiscountPercent is { } percent
                ? "-" + percent.ToString("0.##", CultureInfo.InvariantCulture) + "%"
                : null,
            ShippingAddress = MapAddress(request.ShippingAddress, shippingCountry),
            ShipDate = request.ShipDate is { } shipDate ? ToDateTime(shipDate) : null,
            ShipMethod = RecordRef.ByIdOrNull(request.ShipMethodId),
            Class = RecordRef.ByIdOrNull(settings.ClassId),
            Department = RecordRef.ByIdOrNull(settings.DepartmentId),
            Location = RecordRef.ByIdOrNull(settings.LocationId),
            ItemList = MapLines(request.Lines, itemIds, existing),
            CustomFieldList = new CustomFieldList
            {
                Fields = [new StringCustomFieldRef { ScriptId = OrderIdField, Value = request.ExternalId }],
            },
        };

        // Sent on the create path too: an upsert that meets an order with the same external id then clears what
        // the request leaves empty, as an update does.
        order.NullFieldList = ClearedFields(order);
        return order;
    }

    /// <summary>Formats a calendar date as midnight in the account's time zone, with that zone's offset.</summary>
    public string ToDateTime(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = accountTimeZone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    // NOTE: a line removed in Salesforce stays open in NetSuite, because closing it is not decided yet.
    private SalesOrderItemList MapLines(
        IReadOnlyList<SalesOrderLine> lines,
        IReadOnlyDictionary<string, string> itemIds,
        SalesOrder? existing)
    {
        // Lines already in NetSuite are addressed by their line number; replaceAll stays false on update so lines
        // the request does not name, such as fulfilled ones, are kept.
        var existingLines = existing?.ItemList?.Items
            .Select(item => (Key: item.CustomFieldList?.StringValue(OrderItemIdColumn), item.Line))
            .Where(pair => pair.Key is not null)
            .ToDictionary(pair => pair.Key!, pair => pair.Line, StringComparer.Ordinal)
            ?? [];

        var list = new SalesOrderItemList { ReplaceAll = false, ReplaceAllSpecified = existing is not null };
        foreach (var line in lines)
        {
            var matched = existingLines.TryGetValue(line.OrderItemId, out var lineNumber);
            list.Items.Add(new SalesOrderItem
            {
                Item = RecordRef.ById(itemIds[line.Sku]),
                Quantity = (double)line.Quantity,
                QuantitySpecified = true,
                Price = RecordRef.ById(CustomPriceLevel),
                Rate = NetRate(line).ToString(CultureInfo.InvariantCulture),
                Line = lineNumber,
                LineSpecified = matched,
                ExpectedShipDate = line.ExpectedShipDate is { } date ? ToDateTime(date) : null,
                CustomFieldList = new CustomFieldList { Fields = LineFields(line) },
            });
        }

        return list;
    }

    /// <summary>Returns the unit price less the line discount, rounded half away from zero to the cent.</summary>
    public static decimal NetRate(SalesOrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.DiscountPercent is { } percent
            ? Math.Round(line.UnitPrice * (1m - percent / 100m), 2, MidpointRounding.AwayFromZero)
            : line.UnitPrice;
    }

    // The list rate and the percent are always sent, 0 % for an undiscounted line, so an update that drops a
    // discount leaves no stale percent behind.
    // NOTE: a sequence name or quote line id removed in Salesforce stays on the NetSuite line, because a line
    // custom field is not cleared by leaving it out.
    private static List<CustomFieldRef> LineFields(SalesOrderLine line)
    {
        var fields = new List<CustomFieldRef>
        {
            new StringCustomFieldRef { ScriptId = OrderItemIdColumn, Value = line.OrderItemId },
            new DoubleCustomFieldRef { ScriptId = ListRateColumn, Value = (double)line.UnitPrice },
            new DoubleCustomFieldRef { ScriptId = DiscountPercentColumn, Value = (double)(line.DiscountPercent ?? 0m) },
        };
        if (Blank(line.SequenceName) is { } sequenceName)
        {
            fields.Add(new StringCustomFieldRef { ScriptId = SequenceNameColumn, Value = sequenceName });
        }

        if (Blank(line.QuoteLineItemId) is { } quoteLineId)
        {
            fields.Add(new StringCustomFieldRef { ScriptId = QuoteLineIdColumn, Value = quoteLineId });
        }

        return fields;
    }

    private static Address? MapAddress(SalesOrderAddress? address, Country? country) =>
        address is null || country is null
            ? null
            : new Address
            {
                Country = CountryTable.ToNetSuiteCountry(country),
                Attention = Blank(address.Attention),
                Addressee = Blank(address.Addressee),
                Addr1 = Blank(address.Addr1),
                Addr2 = Blank(address.Addr2),
                City = Blank(address.City),
                State = Blank(address.State),
                Zip = Blank(address.Zip),
            };

    private static NullField? ClearedFields(SalesOrder order)
    {
        var names = new List<string>();
        void ClearIfNull(object? value, string name)
        {
            if (value is null)
            {
                names.Add(name);
            }
        }

        ClearIfNull(order.OtherRefNum, "otherRefNum");
        ClearIfNull(order.Memo, "memo");
        ClearIfNull(order.ShipDate, "shipDate");
        ClearIfNull(order.ShipMethod, "shipMethod");
        ClearIfNull(order.DiscountRate, "discountRate");
        return names.Count == 0 ? null : new NullField { Names = names };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
