using System.Net;
using System.Net.Http.Headers;
using DaprSync.SalesforceSapi.Auth;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// Sends REST requests to the session's <c>instance_url</c> with its bearer token. On
/// <c>401 INVALID_SESSION_ID</c> it authenticates again and retries the request once.
/// </summary>
internal sealed class SalesforceSessionHandler(ISalesforceSession session, ILogger<SalesforceSessionHandler> logger)
    : DelegatingHandler
{
    /// <summary>
    /// Base address of the REST client. Requests are rewritten to the session's instance before they are
    /// sent, so this reserved <c>.invalid</c> host is never contacted.
    /// </summary>
    public static readonly Uri InstancePlaceholder = new("http://salesforce-instance.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        // Buffer the body so that the retry can send it again.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var relative = InstancePlaceholder.MakeRelativeUri(request.RequestUri!);

        var current = await session.GetAsync(cancellationToken);
        var response = await SendWithSessionAsync(request, relative, body, current, cancellationToken);
        var isInvalidSession = response.StatusCode == HttpStatusCode.Unauthorized
            && await IsInvalidSessionAsync(response, cancellationToken);
        if (!isInvalidSession)
        {
            return response;
        }

        SalesforceSapiLog.SessionExpired(logger, request.Method.Method, relative.OriginalString);
        response.Dispose();
        var renewed = await session.RefreshAsync(current, cancellationToken);
        using var retry = new HttpRequestMessage(request.Method, request.RequestUri);
        CopyContent(request, retry, body);
        return await SendWithSessionAsync(retry, relative, body, renewed, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithSessionAsync(
        HttpRequestMessage request,
        Uri relative,
        byte[]? body,
        SalesforceSessionInfo current,
        CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(current.InstanceUrl, relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.AccessToken);
        if (body is not null && request.Content is null)
        {
            request.Content = new ByteArrayContent(body);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static void CopyContent(HttpRequestMessage source, HttpRequestMessage target, byte[]? body)
    {
        foreach (var header in source.Headers.Where(header => header.Key != "Authorization"))
        {
            target.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is null)
        {
            return;
        }

        target.Content = new ByteArrayContent(body);
        foreach (var header in source.Content!.Headers)
        {
            target.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    private static async Task<bool> IsInvalidSessionAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Contains("INVALID_SESSION_ID", StringComparison.Ordinal);
    }
}
