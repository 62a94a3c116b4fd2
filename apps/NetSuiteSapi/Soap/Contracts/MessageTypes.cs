using System.Xml.Serialization;

namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>Token-Based Authentication header of a SOAP call (<c>platformCore:TokenPassport</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class TokenPassport
{
    /// <summary>Account id in realm form, for example <c>1234567_SB1</c>.</summary>
    [XmlElement("account", Namespace = SoapNamespaces.Core)]
    public string Account { get; set; } = "";

    [XmlElement("consumerKey", Namespace = SoapNamespaces.Core)]
    public string ConsumerKey { get; set; } = "";

    [XmlElement("token", Namespace = SoapNamespaces.Core)]
    public string Token { get; set; } = "";

    [XmlElement("nonce", Namespace = SoapNamespaces.Core)]
    public string Nonce { get; set; } = "";

    /// <summary>Unix time in seconds.</summary>
    [XmlElement("timestamp", Namespace = SoapNamespaces.Core)]
    public long Timestamp { get; set; }

    [XmlElement("signature", Namespace = SoapNamespaces.Core)]
    public TokenPassportSignature Signature { get; set; } = new();
}

/// <summary>Base64 signature of a token passport with its algorithm attribute.</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class TokenPassportSignature
{
    [XmlAttribute("algorithm")]
    public string Algorithm { get; set; } = "";

    [XmlText]
    public string Value { get; set; } = "";
}

/// <summary>Body of <c>add</c>, <c>update</c> and <c>upsert</c>: one record.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class RecordRequest
{
    [XmlElement("record", Namespace = SoapNamespaces.Messages)]
    public Record? Record { get; set; }
}

/// <summary>Body of <c>get</c>: the reference of the record to read.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class GetRequest
{
    [XmlElement("baseRef", Namespace = SoapNamespaces.Messages)]
    public BaseRef? BaseRef { get; set; }
}

/// <summary>Body of <c>getList</c>: the references of the records to read, 1,000 at most.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class GetListRequest
{
    [XmlElement("baseRef", Namespace = SoapNamespaces.Messages)]
    public List<BaseRef> BaseRefs { get; set; } = [];
}

/// <summary>Body of the reply to <c>add</c>, <c>update</c> and <c>upsert</c>.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class WriteResponseBody
{
    [XmlElement("writeResponse", Namespace = SoapNamespaces.Messages)]
    public WriteResponse? WriteResponse { get; set; }
}

/// <summary>Outcome of one write (<c>platformMsgs:WriteResponse</c>): status and the written record's reference.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class WriteResponse
{
    [XmlElement("status", Namespace = SoapNamespaces.Core)]
    public Status? Status { get; set; }

    [XmlElement("baseRef", Namespace = SoapNamespaces.Messages)]
    public BaseRef? BaseRef { get; set; }
}

/// <summary>Body of the reply to <c>get</c>.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class ReadResponseBody
{
    [XmlElement("readResponse", Namespace = SoapNamespaces.Messages)]
    public ReadResponse? ReadResponse { get; set; }
}

/// <summary>Body of the reply to <c>getList</c>.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class ReadResponseListBody
{
    [XmlElement("readResponseList", Namespace = SoapNamespaces.Messages)]
    public ReadResponseList? ReadResponseList { get; set; }
}

/// <summary>Outcomes of a <c>getList</c> (<c>platformMsgs:ReadResponseList</c>), one per reference in request order.</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class ReadResponseList
{
    [XmlElement("status", Namespace = SoapNamespaces.Core)]
    public Status? Status { get; set; }

    [XmlElement("readResponse", Namespace = SoapNamespaces.Messages)]
    public List<ReadResponse> ReadResponses { get; set; } = [];
}

/// <summary>Outcome of one read (<c>platformMsgs:ReadResponse</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Messages)]
public sealed class ReadResponse
{
    [XmlElement("status", Namespace = SoapNamespaces.Core)]
    public Status? Status { get; set; }

    [XmlElement("record", Namespace = SoapNamespaces.Messages)]
    public Record? Record { get; set; }
}

/// <summary>Per-record status (<c>platformCore:Status</c>).</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class Status
{
    [XmlElement("statusDetail", Namespace = SoapNamespaces.Core)]
    public List<StatusDetail> Details { get; set; } = [];

    [XmlAttribute("isSuccess")]
    public bool IsSuccess { get; set; }
}

/// <summary>One code and message of a status; <see cref="Type"/> is <c>ERROR</c>, <c>WARN</c> or <c>INFO</c>.</summary>
[XmlType(Namespace = SoapNamespaces.Core)]
public sealed class StatusDetail
{
    [XmlElement("code", Namespace = SoapNamespaces.Core)]
    public string? Code { get; set; }

    [XmlElement("message", Namespace = SoapNamespaces.Core)]
    public string? Message { get; set; }

    [XmlElement("afterSubmitFailed", Namespace = SoapNamespaces.Core)]
    public bool AfterSubmitFailed { get; set; }

    [XmlIgnore]
    public bool AfterSubmitFailedSpecified { get; set; }

    [XmlAttribute("type")]
    public string Type { get; set; } = "ERROR";
}
