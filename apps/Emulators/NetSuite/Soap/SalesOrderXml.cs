using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>Writes a stored Sales Order as the <c>record</c> element of a <c>readResponse</c>.</summary>
internal static class SalesOrderXml
{
    public static XElement ToRecord(NetSuiteSalesOrder order)
    {
        var s = SoapXml.Sales;
        return new XElement(SoapXml.Messages + "record",
            new XAttribute(XNamespace.Xmlns + "tranSales", s),
            new XAttribute(XNamespace.Xmlns + "platformCore", SoapXml.Core),
            new XAttribute(XNamespace.Xmlns + "platformCommon", SoapXml.Common),
            new XAttribute("internalId", order.Id),
            order.ExternalId is null ? null : new XAttribute("externalId", order.ExternalId),
            new XAttribute(SoapXml.Xsi + "type", "tranSales:SalesOrder"),
            Reference("entity", order.EntityId),
            Reference("currency", order.CurrencyId),
            Text("tranDate", order.TranDate),
            Text("tranId", order.TranId),
            Text("otherRefNum", order.OtherRefNum),
            Text("memo", order.Memo),
            Reference("discountItem", order.DiscountItemId),
            Text("discountRate", order.DiscountRate),
            Address(order.ShippingAddress),
            Text("shipDate", order.ShipDate),
            Reference("shipMethod", order.ShipMethodId),
            Reference("class", order.ClassId),
            Reference("department", order.DepartmentId),
            Reference("location", order.LocationId),
            new XElement(s + "itemList", order.Lines.Select(Line)),
            CustomFields(s + "customFieldList", order.CustomFields));
    }

    private static XElement Line(SalesOrderLineRecord line)
    {
        var s = SoapXml.Sales;
        return new XElement(s + "item",
            Reference("item", line.ItemId),
            new XElement(s + "quantity", XmlConvert.ToString(line.Quantity)),
            Reference("price", line.PriceLevelId),
            Text("rate", line.Rate),
            new XElement(s + "isClosed", XmlConvert.ToString(line.IsClosed)),
            new XElement(s + "line", line.Line.ToString(CultureInfo.InvariantCulture)),
            new XElement(s + "quantityFulfilled", XmlConvert.ToString(line.QuantityFulfilled)),
            Text("expectedShipDate", line.ExpectedShipDate),
            CustomFields(s + "customFieldList", line.CustomFields));
    }

    private static XElement? Address(SalesOrderShippingAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var c = SoapXml.Common;
        XElement? Field(string name, string? value) => value is null ? null : new XElement(c + name, value);
        return new XElement(SoapXml.Sales + "shippingAddress",
            Field("country", address.Country), Field("attention", address.Attention),
            Field("addressee", address.Addressee), Field("addr1", address.Addr1), Field("addr2", address.Addr2),
            Field("city", address.City), Field("state", address.State), Field("zip", address.Zip));
    }

    private static XElement? CustomFields(XName name, IReadOnlyDictionary<string, string> fields) =>
        fields.Count == 0
            ? null
            : new XElement(name, fields.Select(field => new XElement(SoapXml.Core + "customField",
                new XAttribute("scriptId", field.Key),
                new XAttribute(SoapXml.Xsi + "type", "platformCore:StringCustomFieldRef"),
                new XElement(SoapXml.Core + "value", field.Value))));

    private static XElement? Reference(string name, string? internalId) =>
        internalId is null ? null : new XElement(SoapXml.Sales + name, new XAttribute("internalId", internalId));

    private static XElement? Text(string name, string? value) =>
        value is null ? null : new XElement(SoapXml.Sales + name, value);
}
