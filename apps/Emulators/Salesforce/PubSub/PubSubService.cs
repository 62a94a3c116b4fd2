using Avro;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// The emulator's Pub/Sub API. Authentication is checked by <see cref="PubSubAuthInterceptor"/> first.
/// PublishStream and ManagedSubscribe are not implemented and return UNIMPLEMENTED.
/// </summary>
internal sealed class PubSubService(
    PlatformEventBus bus,
    IOptions<PubSubEmulatorOptions> options,
    TimeProvider timeProvider,
    ILogger<PubSubService> logger) : Eventbus.V1.PubSub.PubSubBase
{
    public override Task<TopicInfo> GetTopic(TopicRequest request, ServerCallContext context)
    {
        var rpcId = RpcIds.New();
        var definition = FindTopic(request.TopicName, context, rpcId);
        return Task.FromResult(new TopicInfo
        {
            TopicName = definition.TopicName,
            TenantGuid = PubSubAuthInterceptor.GetSession(context).OrgId,
            CanPublish = true,
            CanSubscribe = true,
            SchemaId = definition.SchemaId,
            RpcId = rpcId,
        });
    }

    public override Task<SchemaInfo> GetSchema(SchemaRequest request, ServerCallContext context)
    {
        var rpcId = RpcIds.New();
        var definition = PlatformEventSchemas.FindBySchemaId(request.SchemaId)
            ?? throw PubSubErrors.SchemaNotFound(request.SchemaId, rpcId);
        return Task.FromResult(new SchemaInfo
        {
            SchemaId = definition.SchemaId,
            SchemaJson = definition.SchemaJson,
            RpcId = rpcId,
        });
    }

    /// <summary>
    /// Stores each event whose schema id matches the topic's and whose payload decodes with that
    /// schema. Every other event gets a PUBLISH error in its own result, as Salesforce reports them.
    /// </summary>
    public override Task<PublishResponse> Publish(PublishRequest request, ServerCallContext context)
    {
        var rpcId = RpcIds.New();
        var definition = FindTopic(request.TopicName, context, rpcId);
        var response = new PublishResponse { SchemaId = definition.SchemaId, RpcId = rpcId };
        foreach (var producerEvent in request.Events)
        {
            response.Results.Add(PublishOne(definition, producerEvent));
        }

        return Task.FromResult(response);
    }

    public override async Task Subscribe(
        IAsyncStreamReader<FetchRequest> requestStream,
        IServerStreamWriter<FetchResponse> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        var rpcId = RpcIds.New();
        var definition = FindTopic(first.TopicName, context, rpcId);
        var subscription = new SubscriptionStream(
            bus,
            definition,
            options.Value.KeepAliveInterval,
            timeProvider,
            rpcId);
        subscription.Start(first);
        Log.SubscriptionStarted(logger, definition.TopicName, first.ReplayPreset.ToString(), rpcId);
        try
        {
            await subscription.RunAsync(requestStream, responseStream, context.CancellationToken);
        }
        finally
        {
            Log.SubscriptionEnded(logger, definition.TopicName, rpcId);
        }
    }

    private PublishResult PublishOne(PlatformEventDefinition definition, ProducerEvent producerEvent)
    {
        var correlationKey = producerEvent.Id;
        if (!string.Equals(producerEvent.SchemaId, definition.SchemaId, StringComparison.Ordinal))
        {
            return Failed(correlationKey, $"The schema id {producerEvent.SchemaId} is not the schema "
                + $"{definition.SchemaId} of topic {definition.TopicName}.");
        }

        var payload = producerEvent.Payload.ToByteArray();
        try
        {
            PlatformEventCodec.Decode(definition.Schema, payload);
        }
        catch (AvroException ex)
        {
            return Failed(correlationKey, $"The payload is not a valid {definition.EventName} record: {ex.Message}");
        }

        var stored = bus.Append(definition, producerEvent.Id, payload);
        Log.EventPublished(logger, definition.TopicName, stored.EventId, stored.Sequence);
        return new PublishResult
        {
            ReplayId = ByteString.CopyFrom(stored.ReplayId),
            CorrelationKey = string.IsNullOrEmpty(correlationKey) ? stored.EventId : correlationKey,
        };
    }

    private static PublishResult Failed(string correlationKey, string message) => new()
    {
        CorrelationKey = correlationKey,
        Error = new Error { Code = ErrorCode.Publish, Msg = message },
    };

    private static PlatformEventDefinition FindTopic(string topicName, ServerCallContext context, string rpcId) =>
        PlatformEventSchemas.FindByTopic(topicName)
            ?? throw PubSubErrors.TopicNotFound(topicName, PubSubAuthInterceptor.GetSession(context).OrgId, rpcId);
}
