using System.Globalization;
using System.Net;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;

namespace DaprSync.Deploy.Tests.Smoke;

/// <summary>
/// Containers of a self-hosted Dapr set-up for the smoke tests: Redis, placement, scheduler and one daprd
/// per app, on one network, loading the repository's own component files. The apps run on the host and
/// are reached from the containers through Testcontainers' exposed host ports.
/// </summary>
internal static class DaprContainers
{
    // NOTE: never run on the build machines (no Docker engine). 1.16.9 is a released Dapr version;
    // the scheduler flags and the wait conditions below are untested.
    public const string DaprVersion = "1.16.9";
    public const int DaprHttpPort = 3500;
    public const int DaprGrpcPort = 50001;

    /// <summary>Starts Redis, placement and the scheduler on <paramref name="network"/>; dispose the result to stop them.</summary>
    public static async Task<IAsyncDisposable> StartControlPlaneAsync(INetwork network, CancellationToken cancellationToken)
    {
        var redis = new ContainerBuilder("redis:7.4")
            .WithNetwork(network)
            .WithNetworkAliases("redis")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"))
            .Build();
        var placement = BuildControlPlane(network, "placement", "50005").Build();

        // The scheduler keeps its embedded etcd data in this directory, which must be writable.
        var scheduler = BuildControlPlane(network, "scheduler", "50006")
            .WithTmpfsMount("/var/run/dapr/scheduler")
            .Build();
        var all = new ContainerGroup([redis, placement, scheduler]);
        await Task.WhenAll(
            redis.StartAsync(cancellationToken),
            placement.StartAsync(cancellationToken),
            scheduler.StartAsync(cancellationToken));
        return all;
    }

    /// <summary>
    /// Builds the sidecar of <paramref name="appId"/>, which calls the app on the host's <paramref name="appPort"/>.
    /// With <paramref name="waitForApp"/> false, start returns once the sidecar's own API is up, before it has
    /// reached the app, so that the app can be started afterwards with the sidecar's mapped ports.
    /// </summary>
    public static IContainer BuildSidecar(INetwork network, string appId, ushort appPort, bool waitForApp = true)
    {
        var builder = new ContainerBuilder($"daprio/daprd:{DaprVersion}")
            .WithNetwork(network)
            .WithNetworkAliases(appId + "-dapr")
            .WithEntrypoint("./daprd")
            .WithCommand(
                "--app-id", appId,
                "--app-port", appPort.ToString(CultureInfo.InvariantCulture),
                "--app-channel-address", "host.testcontainers.internal",
                "--dapr-http-port", DaprHttpPort.ToString(CultureInfo.InvariantCulture),
                "--dapr-grpc-port", DaprGrpcPort.ToString(CultureInfo.InvariantCulture),
                "--placement-host-address", "placement:50005",
                "--scheduler-host-address", "scheduler:50006",
                "--resources-path", "/components")
            .WithPortBinding(DaprHttpPort, assignRandomHostPort: true)
            .WithPortBinding(DaprGrpcPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(DaprHttpPort)
                .ForPath(waitForApp ? "/v1.0/healthz" : "/v1.0/healthz/outbound")
                .ForStatusCode(HttpStatusCode.NoContent)));

        foreach (var (name, content) in ReadComponentFiles())
        {
            builder = builder.WithResourceMapping(Encoding.UTF8.GetBytes(content), FilePath.Of("/components/" + name));
        }

        return builder.Build();
    }

    /// <summary>The sidecar's HTTP and gRPC endpoints as the host reaches them.</summary>
    public static (string Http, string Grpc) EndpointsOf(IContainer sidecar) => (
        $"http://{sidecar.Hostname}:{sidecar.GetMappedPublicPort(DaprHttpPort)}",
        $"http://{sidecar.Hostname}:{sidecar.GetMappedPublicPort(DaprGrpcPort)}");

    private static ContainerBuilder BuildControlPlane(INetwork network, string service, string port) =>
        new ContainerBuilder($"daprio/{service}:{DaprVersion}")
            .WithNetwork(network)
            .WithNetworkAliases(service)
            .WithEntrypoint($"./{service}")
            .WithCommand("--port", port)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(int.Parse(port, CultureInfo.InvariantCulture)));

    /// <summary>
    /// The repository's pub/sub, state, secret store and resiliency files, with Redis and the secret
    /// file moved to their places inside the container network.
    /// </summary>
    private static IEnumerable<(string Name, string Content)> ReadComponentFiles()
    {
        foreach (var name in new[] { "pubsub.yaml", "statestore.yaml", "secretstore.yaml", "resiliency.yaml" })
        {
            var content = File.ReadAllText(Path.Combine(RepositoryPaths.Components, name))
                .Replace("localhost:6379", "redis:6379", StringComparison.Ordinal)
                .Replace("components/secrets.local.json", "/components/secrets.local.json", StringComparison.Ordinal);
            yield return (name, content);
        }

        var secrets = File.ReadAllText(Path.Combine(RepositoryPaths.Components, "secrets.local.json"));
        yield return ("secrets.local.json", secrets);
    }

    private sealed class ContainerGroup(IReadOnlyList<IContainer> containers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var container in containers)
            {
                await container.DisposeAsync();
            }
        }
    }
}
