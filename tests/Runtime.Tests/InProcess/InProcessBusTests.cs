using System.Collections.Concurrent;
using Dapr;
using DaprSync.Runtime.InProcess;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Runtime.Tests.InProcess;

/// <summary>
/// The in-process bus against a real subscriber app built with Dapr.AspNetCore (CloudEvents
/// middleware, <c>/dapr/subscribe</c>, <c>WithTopic</c>) on loopback.
/// </summary>
public sealed class InProcessBusTests : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-bus-{Guid.NewGuid():N}.db");
    private readonly ConcurrentQueue<(string Route, string Body)> _received = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private LoopbackApp? _subscriber;
    private InProcessRuntime? _runtime;

    [Fact]
    public async Task PublishAsync_SuccessRoute_DeliversDataOnce()
    {
        var bus = await StartAsync();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync("ok", new Payload("A-1"), "evt-1", Token);

        Assert.True(await bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        var delivered = Assert.Single(_received, r => r.Route == "ok");
        Assert.Contains("A-1", delivered.Body, StringComparison.Ordinal);
        Assert.Equal(1, (await bus.GetStatisticsAsync(Token)).Delivered);
    }

    [Fact]
    public async Task PublishAsync_RetryTwiceThenSuccess_DeliversOnThirdAttempt()
    {
        var bus = await StartAsync();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync("flaky", new Payload("A-2"), "evt-2", Token);

        Assert.True(await bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Equal(3, _calls["flaky"]);
        var statistics = await bus.GetStatisticsAsync(Token);
        Assert.Equal(1, statistics.Delivered);
        Assert.Equal(2, statistics.Retries);
    }

    [Fact]
    public async Task PublishAsync_DropAnswer_SendsToDeadLetterTopic()
    {
        var bus = await StartAsync();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync("poison", new Payload("bad"), "evt-3", Token);

        Assert.True(await bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Equal(1, _calls["poison"]);
        var deadLetter = Assert.Single(_received, r => r.Route == "deadletter");
        Assert.Contains("bad", deadLetter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_AlwaysFailing_DeadLettersAfterMaxAttempts()
    {
        var bus = await StartAsync();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync("broken", new Payload("x"), "evt-4", Token);

        Assert.True(await bus.WaitForIdleAsync(TimeSpan.FromSeconds(20), Token));
        Assert.Equal(4, _calls["broken"]);
        Assert.Single(_received, r => r.Route == "deadletter");
        Assert.Equal(1, (await bus.GetStatisticsAsync(Token)).DeadLettered);
    }

    [Fact]
    public async Task StartAsync_OutboxWrittenBeforeRestart_DeliversAfterRestart()
    {
        var bus = await StartAsync();
        await bus.StopAsync();
        await _runtime!.PublisherFor("sf-sapi").PublishAsync("ok", new Payload("survivor"), "evt-5", Token);
        await _runtime.DisposeAsync();

        // A new runtime on the same SQLite file stands for the host after a restart.
        _runtime = NewRuntime();
        _runtime.Apps.Register("orchestrator", _subscriber!.BaseAddress);
        await _runtime.Bus.StartAsync(Token);

        Assert.True(await _runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Single(_received, r => r.Route == "ok" && r.Body.Contains("survivor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_ReadsSubscriptionsWithDeadLetterTopic()
    {
        var bus = await StartAsync();

        var ok = Assert.Single(bus.Subscriptions, s => s.Topic == "ok");
        Assert.Equal("/ok", ok.Route);
        Assert.Equal("deadletter", ok.DeadLetterTopic);
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (_subscriber is not null)
        {
            await _subscriber.DisposeAsync();
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private InProcessRuntime NewRuntime() => new(
        _path,
        busOptions: new InProcessBusOptions
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
            PollInterval = TimeSpan.FromMilliseconds(20),
        },
        loggerFactory: NullLoggerFactory.Instance);

    private async Task<InProcessBus> StartAsync()
    {
        _subscriber = await LoopbackApp.StartAsync(_ => { }, MapSubscriber);
        _runtime = NewRuntime();
        _runtime.Apps.Register("orchestrator", _subscriber.BaseAddress);
        await _runtime.Bus.StartAsync(Token);
        return _runtime.Bus;
    }

    private void MapSubscriber(WebApplication app)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        Map(app, "ok", _ => Results.Ok(new { status = "SUCCESS" }));
        Map(app, "flaky", calls => calls < 3 ? Results.Ok(new { status = "RETRY" }) : Results.Ok());
        Map(app, "poison", _ => Results.Ok(new { status = "DROP" }));
        Map(app, "broken", _ => Results.StatusCode(500));
        Map(app, "deadletter", _ => Results.Ok());
    }

    private void Map(WebApplication app, string topic, Func<int, IResult> answer) =>
        app.MapPost($"/{topic}", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                _received.Enqueue((topic, await reader.ReadToEndAsync()));
                return answer(_calls.AddOrUpdate(topic, 1, (_, count) => count + 1));
            })
            .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = topic, DeadLetterTopic = topic == "deadletter" ? null : "deadletter" });

    private sealed record Payload(string Id);
}
