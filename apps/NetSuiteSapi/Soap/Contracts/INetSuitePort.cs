using System.ServiceModel;

namespace DaprSync.NetSuiteSapi.Soap.Contracts;

/// <summary>
/// The operations of the SuiteTalk 2023_2 port that ns-sapi calls. The SOAP actions are the WSDL's
/// (<c>soapAction="add"</c> and so on); faults arrive as <see cref="FaultException"/> and are read by
/// <see cref="SoapFaults"/>.
/// </summary>
[ServiceContract(Namespace = SoapNamespaces.Messages, Name = "NetSuitePortType")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface INetSuitePort
{
    [OperationContract(Action = "add", ReplyAction = "*")]
    Task<AddReply> AddAsync(AddMessage request);

    [OperationContract(Action = "update", ReplyAction = "*")]
    Task<UpdateReply> UpdateAsync(UpdateMessage request);

    [OperationContract(Action = "upsert", ReplyAction = "*")]
    Task<UpsertReply> UpsertAsync(UpsertMessage request);

    [OperationContract(Action = "get", ReplyAction = "*")]
    Task<GetReply> GetAsync(GetMessage request);

    [OperationContract(Action = "getList", ReplyAction = "*")]
    Task<GetListReply> GetListAsync(GetListMessage request);
}
