using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprSync.TestSupport;

/// <summary>
/// A real Kestrel host on 127.0.0.1 with an ephemeral port, for tests that talk HTTP to an app or an
/// emulator. Dispose it to stop the server.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private LoopbackApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    /// <summary>Base address such as <c>http://127.0.0.1:53123/</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds and starts an app. <paramref name="http2Only"/> serves HTTP/2 without TLS (prior knowledge),
    /// as gRPC clients on loopback need.
    /// </summary>
    public static async Task<LoopbackApp> StartAsync(
        Action<WebApplicationBuilder> configure,
        Action<WebApplication> map,
        bool http2Only = false,
        IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
            System.Net.IPAddress.Loopback,
            0,
            listen => listen.Protocols = http2Only ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2));
        configure(builder);

        var app = builder.Build();
        map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackApp(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
