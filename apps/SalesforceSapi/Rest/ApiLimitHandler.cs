using System.Net;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// The innermost handler of the REST client: records <c>Sforce-Limit-Info</c> of every response and turns
/// <c>403 REQUEST_LIMIT_EXCEEDED</c> into a <see cref="SalesforceUnavailableException"/> with that code. It
/// raises instead of returning the 403, so the session handler never re-authenticates for it, and while the
/// back-off lasts it raises without calling Salesforce.
/// </summary>
internal sealed class ApiLimitHandler(ApiLimitMonitor monitor, ILogger<ApiLimitHandler> logger) : DelegatingHandler
{
    public const string LimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (monitor.IsBackingOff(out var until))
        {
            throw Exceeded(until);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Sforce-Limit-Info", out var values))
        {
            foreach (var value in values)
            {
                monitor.Observe(value);
            }
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!body.Contains(LimitExceeded, StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        var backoffEnd = monitor.StartBackoff();
        var path = request.RequestUri!.AbsolutePath;
        SalesforceSapiLog.RequestLimitExceeded(logger, request.Method.Method, path, backoffEnd);
        throw Exceeded(backoffEnd);
    }

    private static SalesforceUnavailableException Exceeded(DateTimeOffset until) => new(
        $"The Salesforce org has used its daily API request allowance (REQUEST_LIMIT_EXCEEDED); sf-sapi sends no "
            + $"requests until {until:O}.",
        errorCode: LimitExceeded);
}
