using Grpc.Core;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// gRPC errors shaped like Salesforce's: a status code, a message ending in <c>rpcId: …</c>, and the
/// Salesforce error code in the <c>error-code</c> trailer.
/// </summary>
internal static class PubSubErrors
{
    public const string AuthErrorCode = "sfdc.platform.eventbus.grpc.service.auth.error";
    public const string ReplayIdCorruptedCode = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";
    public const string ReplayIdValidationFailedCode =
        "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed";
    public const string RequestedEventsInvalidCode =
        "sfdc.platform.eventbus.grpc.subscription.fetch.requested.events.invalid";

    // NOTE: Salesforce returns NOT_FOUND for an unknown topic. This error-code value is the emulator's
    // own, because no published list of Salesforce's codes shows one for that case.
    public const string TopicNotFoundCode = "sfdc.platform.eventbus.grpc.topic.not.found";
    public const string SchemaNotFoundCode = "sfdc.platform.eventbus.grpc.schema.not.found";
    public const string InvalidTopicCode = "sfdc.platform.eventbus.grpc.subscription.topic.invalid";

    public static RpcException Unauthenticated(string rpcId) => Create(
        StatusCode.Unauthenticated,
        AuthErrorCode,
        "An authentication exception occurred. Provide valid authentication via metadata headers.",
        rpcId);

    public static RpcException TopicNotFound(string topicName, string orgId, string rpcId) => Create(
        StatusCode.NotFound,
        TopicNotFoundCode,
        $"The topic information for org {orgId} and topic {topicName} not found. "
            + "Ensure the topic name is correct and that the topic exists.",
        rpcId);

    public static RpcException SchemaNotFound(string schemaId, string rpcId) => Create(
        StatusCode.NotFound,
        SchemaNotFoundCode,
        $"The schema with id {schemaId} was not found.",
        rpcId);

    public static RpcException ReplayIdCorrupted(string rpcId) => Create(
        StatusCode.InvalidArgument,
        ReplayIdCorruptedCode,
        "The Replay ID validation failed. The Replay ID is invalid or outside the retention window.",
        rpcId);

    public static RpcException ReplayIdMissing(string rpcId) => Create(
        StatusCode.InvalidArgument,
        ReplayIdValidationFailedCode,
        "The replay_preset field in FetchRequest is set to ReplayPreset.CUSTOM, but no Replay ID value is set.",
        rpcId);

    public static RpcException RequestedEventsInvalid(int numRequested, string rpcId) => Create(
        StatusCode.InvalidArgument,
        RequestedEventsInvalidCode,
        $"The requested number of events {numRequested} is invalid; num_requested must not be negative.",
        rpcId);

    public static RpcException TopicChanged(string firstTopic, string laterTopic, string rpcId) => Create(
        StatusCode.InvalidArgument,
        InvalidTopicCode,
        $"The topic {laterTopic} differs from the topic {firstTopic} of the first FetchRequest of this stream.",
        rpcId);

    private static RpcException Create(StatusCode status, string errorCode, string message, string rpcId)
    {
        var trailers = new Metadata
        {
            { "error-code", errorCode },
            { "rpc-id", rpcId },
        };
        return new RpcException(new Status(status, $"{message} rpcId: {rpcId}"), trailers);
    }
}
