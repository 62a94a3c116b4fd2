using System.Xml.Serialization;

namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>
/// The fields of <c>tranSales:SalesOrder</c> that DaprSync writes or reads back. Properties are declared in the
/// schema's sequence order because <see cref="XmlSerializer"/> writes them in declaration order and the schema
/// rejects elements out of sequence. Null properties are omitted from the request.
/// </summary>
[XmlType(Namespace = SoapNamespaces.Sales)]
public sealed class SalesOrder : Record
{
    [XmlElement("entity")]
    public RecordRef? Entity { get; set; }

    [XmlElement("currency")]
    public RecordRef? Currency { get; set; }

    /// <summary>Transaction date as <c>xsd:dateTime</c> with the account time zone's offset.</summary>
    [XmlElement("tranDate")]
    public string? TranDate { get; set; }

    /// <summary>Document number such as <c>SO1001</c>, assigned by NetSuite.</summary>
    [XmlElement("tranId")]
    public string? TranId { get; set; }

    /// <summary>Customer's purchase order number.</summary>
    [XmlElement("otherRefNum")]
    public string? OtherRefNum { get; set; }

    [XmlElement("memo")]
    public string? Memo { get; set; }

    [XmlElement("discountItem")]
    public RecordRef? DiscountItem { get; set; }

    /// <summary>Order discount as NetSuite writes it: <c>-10%</c> for a percentage.</summary>
    [XmlElement("discountRate")]
    public string? DiscountRate { get; set; }

    [XmlElement("shippingAddress")]
    public Address? ShippingAddress { get; set; }

    [XmlElement("shipDate")]
    public string? ShipDate { get; set; }

    [XmlElement("shipMethod")]
    public RecordRef? ShipMethod { get; set; }

    [XmlElement("class")]
    public RecordRef? Class { get; set; }

    [XmlElement("department")]
    public RecordRef? Department { get; set; }

    [XmlElement("location")]
    public RecordRef? Location { get; set; }

    [XmlElement("itemList")]
    public SalesOrderItemList? ItemList { get; set; }

    [XmlElement("customFieldList")]
    public CustomFieldList? CustomFieldList { get; set; }

    [XmlAttribute("internalId")]
    public string? InternalId { get; set; }

    /// <summary>The Salesforce Order id, the key of <c>upsert</c>.</summary>
    [XmlAttribute("externalId")]
    public string? ExternalId { get; set; }
}

/// <summary>
/// Item lines (<c>tranSales:SalesOrderItemList</c>). <see cref="ReplaceAll"/> defaults to true in the schema, which
/// drops every line the request does not repeat, so updates send false and address lines by <c>line</c>.
/// </summary>
[XmlType(Namespace = SoapNamespaces.Sales)]
public sealed class SalesOrderItemList
{
    [XmlElement("item")]
    public List<SalesOrderItem> Items { get; set; } = [];

    [XmlAttribute("replaceAll")]
    public bool ReplaceAll { get; set; } = true;

    [XmlIgnore]
    public bool ReplaceAllSpecified { get; set; }
}

/// <summary>One item line (<c>tranSales:SalesOrderItem</c>), fields in schema order.</summary>
[XmlType(Namespace = SoapNamespaces.Sales)]
public sealed class SalesOrderItem
{
    [XmlElement("item")]
    public RecordRef? Item { get; set; }

    [XmlElement("quantity")]
    public double Quantity { get; set; }

    [XmlIgnore]
    public bool QuantitySpecified { get; set; }

    /// <summary>Price level; internal id <c>-1</c> is the custom level, which keeps <see cref="Rate"/> as sent.</summary>
    [XmlElement("price")]
    public RecordRef? Price { get; set; }

    /// <summary>Unit price as a decimal string (the schema types it <c>xsd:string</c>).</summary>
    [XmlElement("rate")]
    public string? Rate { get; set; }

    [XmlElement("isClosed")]
    public bool IsClosed { get; set; }

    [XmlIgnore]
    public bool IsClosedSpecified { get; set; }

    /// <summary>Line number that NetSuite assigns; an update that names it changes that line in place.</summary>
    [XmlElement("line")]
    public long Line { get; set; }

    [XmlIgnore]
    public bool LineSpecified { get; set; }

    [XmlElement("quantityFulfilled")]
    public double QuantityFulfilled { get; set; }

    [XmlIgnore]
    public bool QuantityFulfilledSpecified { get; set; }

    [XmlElement("expectedShipDate")]
    public string? ExpectedShipDate { get; set; }

    [XmlElement("customFieldList")]
    public CustomFieldList? CustomFieldList { get; set; }
}

/// <summary>A transaction address (<c>platformCommon:Address</c>); <see cref="Country"/> is the enum value.</summary>
[XmlType(Namespace = SoapNamespaces.Common)]
public sealed class Address : Record
{
    /// <summary>NetSuite's <c>Country</c> enum value, for example <c>_unitedKingdom</c>.</summary>
    [XmlElement("country")]
    public string? Country { get; set; }

    [XmlElement("attention")]
    public string? Attention { get; set; }

    [XmlElement("addressee")]
    public string? Addressee { get; set; }

    [XmlElement("addr1")]
    public string? Addr1 { get; set; }

    [XmlElement("addr2")]
    public string? Addr2 { get; set; }

    [XmlElement("city")]
    public string? City { get; set; }

    [XmlElement("state")]
    public string? State { get; set; }

    [XmlElement("zip")]
    public string? Zip { get; set; }
}
