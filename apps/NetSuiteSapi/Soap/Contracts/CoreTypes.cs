using System.Xml.Serialization;

namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>Base of every SuiteTalk record (<c>platformCore:Record</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
[XmlInclude(typeof(SalesOrder))]
public abstract class Record
{
    /// <summary>Fields to clear on update. NetSuite ignores an empty element, so this list is the only way to
    /// blank a field.</summary>
    [XmlElement("nullFieldList", Namespace = SoapNamespaces.Core)]
    public NullField? NullFieldList { get; set; }
}

/// <summary>Names of the fields to clear (<c>platformCore:NullField</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class NullField
{
    [XmlElement("name", Namespace = SoapNamespaces.Core)]
    public List<string> Names { get; set; } = [];
}

/// <summary>Base of record references (<c>platformCore:BaseRef</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
[XmlInclude(typeof(RecordRef))]
public abstract class BaseRef
{
    [XmlElement("name", Namespace = SoapNamespaces.Core)]
    public string? Name { get; set; }
}

/// <summary>Reference to a record by internal id, external id or both (<c>platformCore:RecordRef</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class RecordRef : BaseRef
{
    [XmlAttribute("internalId")]
    public string? InternalId { get; set; }

    [XmlAttribute("externalId")]
    public string? ExternalId { get; set; }

    /// <summary>Record type, for example <c>salesOrder</c>; required by <c>get</c>.</summary>
    [XmlAttribute("type")]
    public string? Type { get; set; }

    public static RecordRef ById(string internalId) => new() { InternalId = internalId };

    /// <summary>Returns null for a null id, so optional references drop out of the request.</summary>
    public static RecordRef? ByIdOrNull(string? internalId) =>
        string.IsNullOrWhiteSpace(internalId) ? null : new RecordRef { InternalId = internalId };
}

/// <summary>Custom field values of a record or line (<c>platformCore:CustomFieldList</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class CustomFieldList
{
    [XmlElement("customField", Namespace = SoapNamespaces.Core)]
    public List<CustomFieldRef> Fields { get; set; } = [];

    /// <summary>Returns the value of the string custom field with <paramref name="scriptId"/>, or null.</summary>
    public string? StringValue(string scriptId) =>
        Fields.OfType<StringCustomFieldRef>().FirstOrDefault(field => field.ScriptId == scriptId)?.Value;
}

/// <summary>Base of custom field values, addressed by script id (<c>platformCore:CustomFieldRef</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
[XmlInclude(typeof(StringCustomFieldRef))]
[XmlInclude(typeof(DoubleCustomFieldRef))]
public abstract class CustomFieldRef
{
    [XmlAttribute("internalId")]
    public string? InternalId { get; set; }

    [XmlAttribute("scriptId")]
    public string? ScriptId { get; set; }
}

/// <summary>A free-form text custom field value (<c>platformCore:StringCustomFieldRef</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class StringCustomFieldRef : CustomFieldRef
{
    [XmlElement("value", Namespace = SoapNamespaces.Core)]
    public string Value { get; set; } = "";
}

/// <summary>A decimal, currency or percent custom field value (<c>platformCore:DoubleCustomFieldRef</c>). A percent
/// field takes the number of percent, so 10 is 10 %.</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class DoubleCustomFieldRef : CustomFieldRef
{
    [XmlElement("value", Namespace = SoapNamespaces.Core)]
    public double Value { get; set; }
}
