using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using DaprSync.Contracts;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess;

/// <summary>
/// The in-process pub/sub. Reads each registered app's <c>/dapr/subscribe</c>, fans every outbox
/// message out to one delivery row per matching subscription, POSTs CloudEvents to the routes over
/// loopback, and retries with exponential backoff until the app returns SUCCESS or DROP or the
/// attempts run out (then the event goes to the subscription's dead-letter topic). Delivery is at
/// least once: a delivery in flight when the host dies is attempted again after restart.
/// </summary>
public sealed partial class InProcessBus : IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly InProcessAppDirectory _apps;
    private readonly TimeProvider _time;
    private readonly InProcessBusOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<(long, string, string), Task> _inFlight = new();
    private IReadOnlyList<Subscription> _subscriptions = [];
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public InProcessBus(
        SqliteDatabase database,
        InProcessAppDirectory apps,
        TimeProvider time,
        InProcessBusOptions options,
        ILogger<InProcessBus> logger,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _apps = apps;
        _time = time;
        _options = options;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            Timeout = options.DeliveryTimeout,
        };
    }

    public IReadOnlyList<Subscription> Subscriptions => _subscriptions;

    /// <summary>Returns a publisher that writes to this bus's outbox as <paramref name="appId"/>.</summary>
    public IEventPublisher PublisherFor(string appId) => new OutboxEventPublisher(_database, appId, _time, Signal);

    /// <summary>Reads the subscriptions of every registered app, then starts dispatching.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The in-process bus is already running.");
        }

        await LoadSubscriptionsAsync(cancellationToken);
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        BusLog.Started(_logger, _subscriptions.Count, _apps.Apps.Count);
    }

    /// <summary>Stops dispatching and waits for deliveries in flight; undelivered events stay in the outbox.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop;
        await Task.WhenAll(_inFlight.Values);
        _stopping.Dispose();
        _stopping = null;
        _loop = null;
    }

    /// <summary>Wakes the dispatcher, for example after a publish.</summary>
    public void Signal()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another publisher woke the loop first; one wake-up is enough.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _wake.Dispose();
    }

    private async Task LoadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        var all = new List<Subscription>();
        foreach (var (appId, address) in _apps.Apps)
        {
            using var response = await _http.GetAsync(new Uri(address, "dapr/subscribe"), cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                continue;
            }

            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            all.AddRange(Subscription.Parse(appId, json).Where(s => s.PubSubName == Topics.PubSubName));
        }

        _subscriptions = all;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await FanOutAsync(stopping);
                await DispatchDueAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                BusLog.LoopFailed(_logger, exception);
            }

            try
            {
                await _wake.WaitAsync(_options.PollInterval, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(PendingDelivery delivery, CancellationToken stopping)
    {
        DeliveryOutcome outcome;
        using var activity = StartDeliveryActivity(delivery);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apps.Resolve(delivery.AppId), delivery.Route.TrimStart('/')))
            {
                Content = new StringContent(CloudEventEnvelope.Build(delivery), Encoding.UTF8),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventEnvelope.MediaType);
            AddTraceHeaders(request, activity, delivery);

            using var response = await _http.SendAsync(request, stopping);
            var body = await response.Content.ReadAsStringAsync(stopping);
            outcome = DeliveryOutcome.FromResponse(response.StatusCode, body);
        }
        catch (HttpRequestException exception)
        {
            outcome = new DeliveryOutcome(DeliveryVerdict.Retry, exception.Message);
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            outcome = new DeliveryOutcome(DeliveryVerdict.Retry, $"no answer within {_options.DeliveryTimeout}");
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the row stays pending and is delivered after restart.
            return;
        }
        catch (InvalidOperationException exception)
        {
            // For example an app id that is not registered: retried with backoff like any failed delivery.
            outcome = new DeliveryOutcome(DeliveryVerdict.Retry, exception.Message);
        }

        activity?.SetTag("daprsync.delivery.outcome", outcome.Verdict.ToString());
        await RecordOutcomeAsync(delivery, outcome, CancellationToken.None);
    }

    // A span per delivery attempt, child of the publisher's span, so the subscriber's request joins the
    // publisher's trace. Without a listener on the DaprSync source there is no span, and the stored
    // context is sent as it is.
    private static Activity? StartDeliveryActivity(PendingDelivery delivery)
    {
        if (delivery.TraceParent is null
            || !ActivityContext.TryParse(delivery.TraceParent, delivery.TraceState, out var parent))
        {
            return null;
        }

        var activity = DaprSyncTelemetry.ActivitySource.StartActivity(
            $"{delivery.Topic} deliver", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "dapr");
        activity?.SetTag("messaging.destination.name", delivery.Topic);
        activity?.SetTag("messaging.message.id", delivery.MessageId);
        activity?.SetTag("daprsync.subscriber", delivery.AppId);
        return activity;
    }

    private static void AddTraceHeaders(HttpRequestMessage request, Activity? activity, PendingDelivery delivery)
    {
        var traceParent = activity?.Id ?? delivery.TraceParent;
        var traceState = activity is null ? delivery.TraceState : activity.TraceStateString;
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }

        if (!string.IsNullOrEmpty(traceState))
        {
            request.Headers.TryAddWithoutValidation("tracestate", traceState);
        }
    }
}
