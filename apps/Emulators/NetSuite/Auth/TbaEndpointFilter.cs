using DaprSync.NetSuiteEmulator.Errors;

namespace DaprSync.NetSuiteEmulator.Auth;

/// <summary>Rejects a REST call with NetSuite's 401 <c>INVALID_LOGIN</c> body unless its TBA header verifies.</summary>
internal sealed partial class TbaEndpointFilter(TbaVerifier verifier, ILogger<TbaEndpointFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var failure = verifier.Verify(request);
        if (failure is not null)
        {
            LogLoginRejected(logger, request.Method, request.Path, failure);
            return NetSuiteErrorResults.InvalidLogin();
        }

        return await next(context);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: {Reason}")]
    private static partial void LogLoginRejected(ILogger logger, string method, string path, string reason);
}
