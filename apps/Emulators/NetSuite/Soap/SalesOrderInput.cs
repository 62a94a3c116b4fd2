using System.Xml.Linq;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// The fields of a <c>tranSales:SalesOrder</c> element, null where the element is absent (which on update keeps the
/// stored value), plus the names in <c>nullFieldList</c> (which clear it).
/// </summary>
internal sealed record SalesOrderInput
{
    public string? InternalId { get; init; }
    public string? ExternalId { get; init; }
    public string? EntityId { get; init; }
    public string? CurrencyId { get; init; }
    public string? TranDate { get; init; }
    public string? OtherRefNum { get; init; }
    public string? Memo { get; init; }
    public string? DiscountItemId { get; init; }
    public string? DiscountRate { get; init; }
    public XElement? ShippingAddress { get; init; }
    public string? ShipDate { get; init; }
    public string? ShipMethodId { get; init; }
    public string? ClassId { get; init; }
    public string? DepartmentId { get; init; }
    public string? LocationId { get; init; }
    public IReadOnlyList<XElement>? Lines { get; init; }

    /// <summary>The <c>replaceAll</c> attribute of <c>itemList</c>; the schema's default is true.</summary>
    public bool ReplaceAllLines { get; init; } = true;

    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }
    public IReadOnlySet<string> NullFields { get; init; } = new HashSet<string>();

    public static SalesOrderInput Parse(XElement record)
    {
        var s = SoapXml.Sales;
        var itemList = record.Element(s + "itemList");
        return new SalesOrderInput
        {
            InternalId = (string?)record.Attribute("internalId"),
            ExternalId = (string?)record.Attribute("externalId"),
            EntityId = RefId(record.Element(s + "entity")),
            CurrencyId = RefId(record.Element(s + "currency")),
            TranDate = (string?)record.Element(s + "tranDate"),
            OtherRefNum = (string?)record.Element(s + "otherRefNum"),
            Memo = (string?)record.Element(s + "memo"),
            DiscountItemId = RefId(record.Element(s + "discountItem")),
            DiscountRate = (string?)record.Element(s + "discountRate"),
            ShippingAddress = record.Element(s + "shippingAddress"),
            ShipDate = (string?)record.Element(s + "shipDate"),
            ShipMethodId = RefId(record.Element(s + "shipMethod")),
            ClassId = RefId(record.Element(s + "class")),
            DepartmentId = RefId(record.Element(s + "department")),
            LocationId = RefId(record.Element(s + "location")),
            Lines = itemList?.Elements(s + "item").ToList(),
            ReplaceAllLines = (bool?)itemList?.Attribute("replaceAll") ?? true,
            CustomFields = CustomFieldValues(record.Element(s + "customFieldList")),
            NullFields = record.Element(SoapXml.Core + "nullFieldList")?.Elements(SoapXml.Core + "name")
                .Select(name => name.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase)
                ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
    }

    public static string? RefId(XElement? reference) => (string?)reference?.Attribute("internalId");

    /// <summary>Reads string custom fields by script id; returns null when the list is absent.</summary>
    public static Dictionary<string, string>? CustomFieldValues(XElement? list) =>
        list?.Elements(SoapXml.Core + "customField")
            .Where(field => field.Attribute("scriptId") is not null)
            .ToDictionary(
                field => (string)field.Attribute("scriptId")!,
                field => (string?)field.Element(SoapXml.Core + "value") ?? "",
                StringComparer.OrdinalIgnoreCase);
}
