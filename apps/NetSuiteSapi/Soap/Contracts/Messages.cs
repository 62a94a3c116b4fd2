using System.ServiceModel;

namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>Message contracts: the <c>tokenPassport</c> header and the unwrapped body element of each call.</summary>
[MessageContract(IsWrapped = false)]
public sealed class AddMessage
{
    [MessageHeader(Name = "tokenPassport", Namespace = SoapNamespaces.Messages)]
    public TokenPassport? TokenPassport { get; set; }

    [MessageBodyMember(Name = "add", Namespace = SoapNamespaces.Messages)]
    public RecordRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class UpdateMessage
{
    [MessageHeader(Name = "tokenPassport", Namespace = SoapNamespaces.Messages)]
    public TokenPassport? TokenPassport { get; set; }

    [MessageBodyMember(Name = "update", Namespace = SoapNamespaces.Messages)]
    public RecordRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class UpsertMessage
{
    [MessageHeader(Name = "tokenPassport", Namespace = SoapNamespaces.Messages)]
    public TokenPassport? TokenPassport { get; set; }

    [MessageBodyMember(Name = "upsert", Namespace = SoapNamespaces.Messages)]
    public RecordRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetMessage
{
    [MessageHeader(Name = "tokenPassport", Namespace = SoapNamespaces.Messages)]
    public TokenPassport? TokenPassport { get; set; }

    [MessageBodyMember(Name = "get", Namespace = SoapNamespaces.Messages)]
    public GetRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetListMessage
{
    [MessageHeader(Name = "tokenPassport", Namespace = SoapNamespaces.Messages)]
    public TokenPassport? TokenPassport { get; set; }

    [MessageBodyMember(Name = "getList", Namespace = SoapNamespaces.Messages)]
    public GetListRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class AddReply
{
    [MessageBodyMember(Name = "addResponse", Namespace = SoapNamespaces.Messages)]
    public WriteResponseBody? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class UpdateReply
{
    [MessageBodyMember(Name = "updateResponse", Namespace = SoapNamespaces.Messages)]
    public WriteResponseBody? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class UpsertReply
{
    [MessageBodyMember(Name = "upsertResponse", Namespace = SoapNamespaces.Messages)]
    public WriteResponseBody? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetReply
{
    [MessageBodyMember(Name = "getResponse", Namespace = SoapNamespaces.Messages)]
    public ReadResponseBody? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetListReply
{
    [MessageBodyMember(Name = "getListResponse", Namespace = SoapNamespaces.Messages)]
    public ReadResponseListBody? Body { get; set; }
}
