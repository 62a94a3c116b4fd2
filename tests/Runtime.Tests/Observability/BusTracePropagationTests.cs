using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dapr;
using DaprSync.Runtime.InProcess;
using DaprSync.Runtime.Observability;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprSync.Runtime.Tests.Observability;

/// <summary>
/// The in-process bus keeps the publisher's W3C trace context in the outbox, writes it into the CloudEvent
/// (distributed tracing extension) and sends it as the <c>traceparent</c> and <c>tracestate</c> headers.
/// </summary>
public sealed class BusTracePropagationTests : IAsyncDisposable
{
    private const string Topic = "traced";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"daprsync-trace-{Guid.NewGuid():N}.db");
    private readonly ConcurrentQueue<Received> _received = new();
    private LoopbackApp? _subscriber;
    private InProcessRuntime? _runtime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_InsideActivity_SendsTraceContext()
    {
        await StartAsync();
        using var publisher = StartPublisherActivity();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync(Topic, new { Id = "A-1" }, "evt-1", Token);
        publisher.Stop();

        Assert.True(await _runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        var received = Assert.Single(_received);
        Assert.Equal(publisher.TraceId.ToHexString(), TraceIdOf(received.TraceParent));
        Assert.Equal("daprsync=test", received.TraceState);
        using var envelope = JsonDocument.Parse(received.Body);
        Assert.Equal(publisher.Id, envelope.RootElement.GetProperty("traceparent").GetString());
        Assert.Equal("daprsync=test", envelope.RootElement.GetProperty("tracestate").GetString());
    }

    [Fact]
    public async Task PublishAsync_SourceListened_ParentsDeliverySpan()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DaprSyncTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await StartAsync();
        using var publisher = StartPublisherActivity();

        await _runtime!.PublisherFor("sf-sapi").PublishAsync(Topic, new { Id = "A-2" }, "evt-2", Token);
        publisher.Stop();

        Assert.True(await _runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        var received = Assert.Single(_received);
        var delivery = Assert.Single(stopped, span => span.DisplayName == $"{Topic} deliver"
            && span.TraceId == publisher.TraceId);
        Assert.Equal(publisher.SpanId, delivery.ParentSpanId);
        Assert.Equal(delivery.Id, received.TraceParent);
        Assert.Equal("Delivered", delivery.GetTagItem("daprsync.delivery.outcome"));
    }

    [Fact]
    public async Task PublishAsync_NoActivity_SendsNoTraceHeader()
    {
        await StartAsync();
        var ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            await _runtime!.PublisherFor("sf-sapi").PublishAsync(Topic, new { Id = "A-3" }, "evt-3", Token);
        }
        finally
        {
            Activity.Current = ambient;
        }

        Assert.True(await _runtime.Bus.WaitForIdleAsync(TimeSpan.FromSeconds(10), Token));
        var received = Assert.Single(_received);
        using var envelope = JsonDocument.Parse(received.Body);
        Assert.False(envelope.RootElement.TryGetProperty("traceparent", out _));
        Assert.Null(received.TraceState);
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

        File.Delete(_path);
    }

    private static Activity StartPublisherActivity()
    {
        var activity = new Activity("publish test event");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.TraceStateString = "daprsync=test";
        return activity.Start();
    }

    private static string? TraceIdOf(string? traceParent) => traceParent?.Split('-')[1];

    private async Task StartAsync()
    {
        _subscriber = await LoopbackApp.StartAsync(_ => { }, app =>
        {
            app.MapSubscribeHandler();
            app.MapPost($"/{Topic}", async (HttpRequest request) =>
                {
                    using var reader = new StreamReader(request.Body);
                    _received.Enqueue(new Received(
                        await reader.ReadToEndAsync(),
                        request.Headers.TraceParent.ToString(),
                        request.Headers.TraceState.Count == 0 ? null : request.Headers.TraceState.ToString()));
                    return Results.Ok();
                })
                .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = Topic });
        });
        _runtime = new InProcessRuntime(
            _path,
            busOptions: new InProcessBusOptions { PollInterval = TimeSpan.FromMilliseconds(20) },
            loggerFactory: NullLoggerFactory.Instance);
        _runtime.Apps.Register("orchestrator", _subscriber.BaseAddress);
        await _runtime.Bus.StartAsync(Token);
    }

    private sealed record Received(string Body, string? TraceParent, string? TraceState);
}
