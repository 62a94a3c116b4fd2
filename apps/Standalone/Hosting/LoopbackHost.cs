using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using DaprSync.Runtime.Observability.Logging;
using Serilog;

namespace DaprSync.Standalone.Hosting;

/// <summary>One app of the host, started on Kestrel bound to 127.0.0.1.</summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private LoopbackHost(string name, WebApplication app, IReadOnlyList<Uri> addresses)
    {
        Name = name;
        App = app;
        Addresses = addresses;
    }

    public string Name { get; }

    public WebApplication App { get; }

    /// <summary>The bound addresses, in the order of the requested listeners.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public Uri BaseAddress => Addresses[0];

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds and starts an app. Each entry of <paramref name="listeners"/> is one loopback port (0 picks a
    /// free one) with its HTTP protocols; gRPC without TLS needs an HTTP/2-only listener.
    /// </summary>
    public static async Task<LoopbackHost> StartAsync(
        string name,
        IConfiguration configuration,
        Action<WebApplicationBuilder> configure,
        Action<WebApplication> map,
        IReadOnlyList<(int Port, HttpProtocols Protocols)>? listeners = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);

        listeners ??= [(0, HttpProtocols.Http1)];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();

        // Serilog's static logger is configured by the command (silent until then, as in tests).
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog();
        SecretRedactor.Shared.AddValuesFrom(configuration);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (port, protocols) in listeners)
            {
                kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols);
            }
        });
        configure(builder);

        var app = builder.Build();
        app.UseDaprSyncRequestLogging();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address.EndsWith('/') ? address : address + "/"))
            .ToList();
        return new LoopbackHost(name, app, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
