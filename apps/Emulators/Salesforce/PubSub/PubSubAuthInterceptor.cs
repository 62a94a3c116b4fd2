using DaprSync.SalesforceEmulator.Auth;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DaprSync.SalesforceEmulator.PubSub;

/// <summary>
/// Checks the Pub/Sub API's metadata headers on every call: <c>accesstoken</c> must be a valid token,
/// <c>instanceurl</c> present, and <c>tenantid</c> the token's org id. The session is stored in
/// <see cref="ServerCallContext.UserState"/> under <see cref="SessionKey"/> for the service.
/// </summary>
internal sealed class PubSubAuthInterceptor(IAccessTokenValidator validator) : Interceptor
{
    public const string SessionKey = "salesforce-session";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    public static SessionInfo GetSession(ServerCallContext context) =>
        (SessionInfo)context.UserState[SessionKey];

    private void Authenticate(ServerCallContext context)
    {
        var token = context.RequestHeaders.GetValue("accesstoken");
        var instanceUrl = context.RequestHeaders.GetValue("instanceurl");
        var tenantId = context.RequestHeaders.GetValue("tenantid");
        var session = string.IsNullOrEmpty(token) ? null : validator.Validate(token);
        var valid = session is not null
            && !string.IsNullOrEmpty(instanceUrl)
            && string.Equals(tenantId, session.OrgId, StringComparison.Ordinal);
        if (!valid)
        {
            throw PubSubErrors.Unauthenticated(RpcIds.New());
        }

        context.UserState[SessionKey] = session!;
    }
}

/// <summary>Ids that tie a response or an error to one call, as Salesforce's <c>rpc_id</c> fields do.</summary>
internal static class RpcIds
{
    public static string New() => Guid.NewGuid().ToString();
}
