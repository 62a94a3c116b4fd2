using System.Collections.Concurrent;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// App id to loopback address table of the in-process runtime: the stand-in for Dapr's name
/// resolution. Service invocation clients address <c>http://{app-id}/</c> and
/// <see cref="AppDirectoryHandler"/> rewrites that to the registered address.
/// </summary>
public sealed class InProcessAppDirectory
{
    private readonly ConcurrentDictionary<string, Uri> _apps = new(StringComparer.OrdinalIgnoreCase);

    public void Register(string appId, Uri baseAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(baseAddress);
        _apps[appId] = baseAddress;
    }

    public IReadOnlyDictionary<string, Uri> Apps => _apps;

    /// <summary>Returns the registered address, or throws naming the app id when it is unknown.</summary>
    public Uri Resolve(string appId) =>
        _apps.TryGetValue(appId, out var address)
            ? address
            : throw new InvalidOperationException(
                $"App id '{appId}' is not registered with the in-process runtime; start that app in the same host.");
}

/// <summary>Rewrites <c>http://{app-id}/path</c> requests to the app's loopback address.</summary>
public sealed class AppDirectoryHandler(InProcessAppDirectory directory) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            var target = directory.Resolve(uri.Host);
            request.RequestUri = new Uri(target, uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
