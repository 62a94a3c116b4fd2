using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Records;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>A failed write as NetSuite reports it in <c>statusDetail</c>.</summary>
internal sealed record StatusError(string Code, string Message);

/// <summary>
/// Applies <c>add</c>, <c>update</c> and <c>upsert</c> of Sales Orders: checks references (customer, items, ship
/// method) and the mandatory custom body field the way NetSuite reports them, then stores the order.
/// </summary>
internal sealed class SalesOrderWrites(SalesOrderStore store, NetSuiteRecords records, ItemCatalog items)
{
    /// <summary>Custom body field that the DaprSync bundle defines as mandatory on Sales Orders.</summary>
    public const string OrderIdField = "custbody_dsync_sf_order_id";

    public (NetSuiteSalesOrder? Order, StatusError? Error) Write(string operation, SalesOrderInput input) =>
        store.Write<(NetSuiteSalesOrder? Order, StatusError? Error)>(_ =>
        {
            var existing = operation switch
            {
                "update" => input.InternalId is not null ? store.Find(input.InternalId)
                    : input.ExternalId is not null ? store.FindByExternalId(input.ExternalId) : null,
                "upsert" => input.ExternalId is null ? null : store.FindByExternalId(input.ExternalId),
                _ => null,
            };

            if (operation == "upsert" && input.ExternalId is null)
            {
                return (null, new StatusError("USER_ERROR", "Upsert requires an externalId."));
            }

            if (operation == "update" && existing is null)
            {
                return (null, new StatusError("RCRD_DSNT_EXIST", "That record does not exist."));
            }

            if (operation == "add" && input.ExternalId is not null && store.FindByExternalId(input.ExternalId) is not null)
            {
                return (null, new StatusError("DUP_RCRD", "This record already exists."));
            }

            var merged = Merge(existing ?? new NetSuiteSalesOrder(), input, out var lineError);
            var error = lineError ?? Validate(merged);
            if (error is not null)
            {
                return (null, error);
            }

            return (existing is null ? store.Insert(merged) : store.Replace(merged), null);
        });

    private static NetSuiteSalesOrder Merge(NetSuiteSalesOrder order, SalesOrderInput input, out StatusError? error)
    {
        error = null;
        string? Field(string name, string? sent, string? stored) =>
            input.NullFields.Contains(name) ? null : sent ?? stored;

        var customFields = new Dictionary<string, string>(order.CustomFields, StringComparer.OrdinalIgnoreCase);
        foreach (var (scriptId, value) in input.CustomFields ?? new Dictionary<string, string>())
        {
            customFields[scriptId] = value;
        }

        foreach (var name in input.NullFields.Where(name => name.StartsWith("custbody", StringComparison.Ordinal)))
        {
            customFields.Remove(name);
        }

        var lines = order.Lines.ToList();
        if (input.Lines is not null)
        {
            error = SalesOrderLines.Apply(lines, input.Lines, input.ReplaceAllLines);
        }

        return order with
        {
            ExternalId = input.ExternalId ?? order.ExternalId,
            EntityId = Field("entity", input.EntityId, order.EntityId),
            CurrencyId = Field("currency", input.CurrencyId, order.CurrencyId),
            TranDate = Field("tranDate", input.TranDate, order.TranDate),
            OtherRefNum = Field("otherRefNum", input.OtherRefNum, order.OtherRefNum),
            Memo = Field("memo", input.Memo, order.Memo),
            DiscountItemId = Field("discountItem", input.DiscountItemId, order.DiscountItemId),
            DiscountRate = Field("discountRate", input.DiscountRate, order.DiscountRate),
            ShippingAddress = input.NullFields.Contains("shippingAddress") ? null
                : input.ShippingAddress is { } address ? ReadAddress(address) : order.ShippingAddress,
            ShipDate = Field("shipDate", input.ShipDate, order.ShipDate),
            ShipMethodId = Field("shipMethod", input.ShipMethodId, order.ShipMethodId),
            ClassId = Field("class", input.ClassId, order.ClassId),
            DepartmentId = Field("department", input.DepartmentId, order.DepartmentId),
            LocationId = Field("location", input.LocationId, order.LocationId),
            Lines = lines,
            CustomFields = customFields,
        };
    }

    private StatusError? Validate(NetSuiteSalesOrder order)
    {
        if (order.EntityId is null)
        {
            return new StatusError("USER_ERROR", "Please enter value(s) for: Customer");
        }

        if (records.FindCustomer(order.EntityId) is null)
        {
            return InvalidReference("entity", order.EntityId);
        }

        if (order.ShipMethodId is not null && !records.ReferenceData.ShippingItems.ContainsKey(order.ShipMethodId))
        {
            return InvalidReference("shipmethod", order.ShipMethodId);
        }

        if (!order.CustomFields.TryGetValue(OrderIdField, out var orderId) || orderId.Length == 0)
        {
            return new StatusError("USER_ERROR", "Please enter value(s) for: Salesforce Order Id");
        }

        if (order.Lines.Count == 0)
        {
            return new StatusError("USER_ERROR", "You must enter at least one line item for this transaction.");
        }

        var unknownItem = order.Lines.FirstOrDefault(line => items.Find(line.ItemId) is null);
        if (unknownItem is not null)
        {
            return InvalidReference("item", unknownItem.ItemId);
        }

        var unpriced = order.Lines.FirstOrDefault(line => line.PriceLevelId == "-1" && line.Rate is null);
        return unpriced is null
            ? null
            : new StatusError("USER_ERROR", "Please enter value(s) for: Rate");
    }

    private static StatusError InvalidReference(string field, string value) =>
        new("INVALID_KEY_OR_REF", $"Invalid {field} reference key {value}.");

    private static SalesOrderShippingAddress ReadAddress(XElement address)
    {
        string? Value(string name) => (string?)address.Element(SoapXml.Common + name);
        return new SalesOrderShippingAddress(
            Value("country"), Value("attention"), Value("addressee"), Value("addr1"), Value("addr2"),
            Value("city"), Value("state"), Value("zip"));
    }
}
