using System.Text.Json;
using Dapr.Client;
using DaprSync.Contracts;
using DaprSync.Runtime.Dapr;
using DaprSync.TestSupport;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
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
        await using var controlPlane = await DaprContainers.StartControlPlaneAsync(network, cancellationToken);
        await using var daprd = DaprContainers.BuildSidecar(network, AppIds.Orchestrator, appPort);
        await daprd.StartAsync(cancellationToken);

        var (http, grpc) = DaprContainers.EndpointsOf(daprd);
        using var daprClient = new DaprClientBuilder().UseGrpcEndpoint(grpc).UseHttpEndpoint(http).Build();

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
}
