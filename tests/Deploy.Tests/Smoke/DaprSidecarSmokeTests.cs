using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using DaprSync.Contracts;
using DaprSync.Runtime.Dapr;
using DaprSync.TestSupport;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Deploy.Tests.Smoke;

/// <summary>
/// Runs the Dapr side of the runtime seam against a real daprd sidecar with Redis, placement and
/// scheduler in containers, loading the repository's own component files. Skips when no Docker
/// engine responds, as on the build machines.
/// </summary>
public sealed class DaprSidecarSmokeTests
{
    // NOTE: never run on the build machines (no Docker engine). 1.16.9 is a released Dapr version;
    // the scheduler flags and the wait conditions below are untested.
    private const string DaprVersion = "1.16.9";
    private const int DaprHttpPort = 3500;
    private const int DaprGrpcPort = 50001;
    private const string Topic = "smoke-test";

    private sealed record SmokeEvent(string AccountId);

    [Fact]
    public async Task RealSidecar_HonoursEventIdAndInsertOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (await DockerEngine.FindUnavailableReasonAsync(cancellationToken) is { } reason)
        {
            Assert.Skip(reason);
        }

        var delivered = new TaskCompletionSource<JsonDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscriber = await StartSubscriberAsync(delivered);
        var appPort = (ushort)subscriber.BaseAddress.Port;
        await TestcontainersSettings.ExposeHostPortsAsync(appPort, cancellationToken);

        await using var network = new NetworkBuilder().Build();
        await network.CreateAsync(cancellationToken);
        await using var redis = BuildRedis(network);
        await using var placement = BuildControlPlane(network, "placement", "50005").Build();

        // The scheduler keeps its embedded etcd data in this directory, which must be writable.
        await using var scheduler = BuildControlPlane(network, "scheduler", "50006")
            .WithTmpfsMount("/var/run/dapr/scheduler")
            .Build();
        await Task.WhenAll(
            redis.StartAsync(cancellationToken),
            placement.StartAsync(cancellationToken),
            scheduler.StartAsync(cancellationToken));

        await using var daprd = BuildSidecar(network, appPort);
        await daprd.StartAsync(cancellationToken);

        using var daprClient = new DaprClientBuilder()
            .UseGrpcEndpoint($"http://{daprd.Hostname}:{daprd.GetMappedPublicPort(DaprGrpcPort)}")
            .UseHttpEndpoint($"http://{daprd.Hostname}:{daprd.GetMappedPublicPort(DaprHttpPort)}")
            .Build();

        await AssertPublishUsesEventIdAsync(daprClient, delivered, cancellationToken);
        await AssertStateSemanticsAsync(daprClient, cancellationToken);
    }

    private static async Task AssertPublishUsesEventIdAsync(
        DaprClient daprClient,
        TaskCompletionSource<JsonDocument> delivered,
        CancellationToken cancellationToken)
    {
        var publisher = new DaprEventPublisher(daprClient);

        await publisher.PublishAsync(Topic, new SmokeEvent("001SMOKE"), "evt-smoke-1", cancellationToken);

        using var cloudEvent = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Assert.Equal("evt-smoke-1", cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.Equal("001SMOKE", cloudEvent.RootElement.GetProperty("data").GetProperty("accountId").GetString());
    }

    private static async Task AssertStateSemanticsAsync(DaprClient daprClient, CancellationToken cancellationToken)
    {
        var store = new DaprStateStore(daprClient, NullLogger<DaprStateStore>.Instance);
        var key = "smoke:" + Guid.NewGuid().ToString("N");

        Assert.True(await store.TrySaveAsync(key, new SmokeEvent("first"), null, null, cancellationToken));
        Assert.False(await store.TrySaveAsync(key, new SmokeEvent("second"), null, null, cancellationToken));

        var entry = await store.GetAsync<SmokeEvent>(key, cancellationToken);
        Assert.NotNull(entry);
        Assert.Equal("first", entry.Value.AccountId);

        Assert.True(await store.TrySaveAsync(key, new SmokeEvent("third"), entry.ETag, null, cancellationToken));
        Assert.False(await store.TrySaveAsync(key, new SmokeEvent("stale"), entry.ETag, null, cancellationToken));
        Assert.False(await store.TryDeleteAsync(key, entry.ETag, cancellationToken));

        var current = await store.GetAsync<SmokeEvent>(key, cancellationToken);
        Assert.Equal("third", current?.Value.AccountId);
        Assert.True(await store.TryDeleteAsync(key, current!.ETag, cancellationToken));
        Assert.Null(await store.GetAsync<SmokeEvent>(key, cancellationToken));

        var expiring = key + ":ttl";
        await store.SaveAsync(expiring, new SmokeEvent("short-lived"), TimeSpan.FromSeconds(1), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        Assert.Null(await store.GetAsync<SmokeEvent>(expiring, cancellationToken));
    }

    private static Task<LoopbackApp> StartSubscriberAsync(TaskCompletionSource<JsonDocument> delivered) =>
        LoopbackApp.StartAsync(
            _ => { },
            app =>
            {
                app.MapGet("/dapr/subscribe", () => Results.Json(new[]
                {
                    new
                    {
                        pubsubname = Topics.PubSubName,
                        topic = Topic,
                        route = "/smoke",
                        deadLetterTopic = Topics.DeadLetter,
                    },
                }));
                app.MapPost("/smoke", async (HttpRequest request) =>
                {
                    delivered.TrySetResult(await JsonDocument.ParseAsync(request.Body));
                    return Results.Json(new { status = "SUCCESS" });
                });
            });

    private static IContainer BuildRedis(INetwork network) =>
        new ContainerBuilder("redis:7.4")
            .WithNetwork(network)
            .WithNetworkAliases("redis")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"))
            .Build();

    private static ContainerBuilder BuildControlPlane(INetwork network, string service, string port) =>
        new ContainerBuilder($"daprio/{service}:{DaprVersion}")
            .WithNetwork(network)
            .WithNetworkAliases(service)
            .WithEntrypoint($"./{service}")
            .WithCommand("--port", port)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(int.Parse(port)));

    private static IContainer BuildSidecar(INetwork network, ushort appPort)
    {
        var builder = new ContainerBuilder($"daprio/daprd:{DaprVersion}")
            .WithNetwork(network)
            .WithEntrypoint("./daprd")
            .WithCommand(
                "--app-id", AppIds.Orchestrator,
                "--app-port", appPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--app-channel-address", "host.testcontainers.internal",
                "--dapr-http-port", DaprHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--dapr-grpc-port", DaprGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--placement-host-address", "placement:50005",
                "--scheduler-host-address", "scheduler:50006",
                "--resources-path", "/components")
            .WithPortBinding(DaprHttpPort, assignRandomHostPort: true)
            .WithPortBinding(DaprGrpcPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(DaprHttpPort)
                .ForPath("/v1.0/healthz")
                .ForStatusCode(HttpStatusCode.NoContent)));

        foreach (var (name, content) in ReadComponentFiles())
        {
            builder = builder.WithResourceMapping(Encoding.UTF8.GetBytes(content), FilePath.Of("/components/" + name));
        }

        return builder.Build();
    }

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
}
