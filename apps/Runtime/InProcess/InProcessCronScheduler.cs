using System.Collections.Concurrent;
using System.Net;
using DaprSync.Contracts;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess;

/// <summary>A cron input binding: its component name, schedule and the app it is scoped to.</summary>
public sealed record CronBinding(string Name, string Schedule, string AppId)
{
    /// <summary>
    /// The pollers' bindings with the schedules of the files in <c>components/</c>, so that the in-process
    /// runtime fires them when Dapr would: invoices every 15 minutes, refunds 7 minutes later,
    /// fulfilments at their own offset.
    /// </summary>
    public static IReadOnlyList<CronBinding> Defaults { get; } =
    [
        new("invoice-poller", "0 0,15,30,45 * * * *", AppIds.Orchestrator),
        new("refund-poller", "0 7,22,37,52 * * * *", AppIds.Orchestrator),
        new("fulfilment-poller", "0 11,26,41,56 * * * *", AppIds.Orchestrator),
    ];
}

/// <summary>
/// Fires cron bindings the way Dapr's <c>bindings.cron</c> does. At start it sends <c>OPTIONS /{name}</c>
/// to the app, and a 404 leaves the binding off. Then it POSTs <c>/{name}</c> at every occurrence. A failed
/// POST is logged and not retried, because the next tick comes anyway.
/// </summary>
public sealed partial class InProcessCronScheduler : IAsyncDisposable
{
    private readonly InProcessAppDirectory _apps;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly List<Task> _loops = [];
    private readonly List<string> _active = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextOccurrences = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stopping;

    public InProcessCronScheduler(
        InProcessAppDirectory apps, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _apps = apps;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true);
    }

    /// <summary>Names of the bindings that an app handles and that therefore fire.</summary>
    public IReadOnlyList<string> ActiveBindings => _active;

    /// <summary>
    /// The occurrence each active binding waits for, by binding name. A binding's entry moves on only after the
    /// POST of the previous occurrence has returned, so a test on a fake clock can advance it to exactly the next
    /// occurrence once every entry is later than the clock.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NextOccurrences => _nextOccurrences;

    public async Task StartAsync(IEnumerable<CronBinding> bindings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        _stopping ??= new CancellationTokenSource();
        var started = _time.GetUtcNow();
        foreach (var binding in bindings)
        {
            var schedule = CronSchedule.Parse(binding.Schedule);
            var route = new Uri(_apps.Resolve(binding.AppId), binding.Name);
            using var probe = new HttpRequestMessage(HttpMethod.Options, route);
            using var answer = await _http.SendAsync(probe, cancellationToken);
            if (answer.StatusCode == HttpStatusCode.NotFound)
            {
                NotHandled(_logger, binding.Name, binding.AppId);
                continue;
            }

            _active.Add(binding.Name);
            Scheduled(_logger, binding.Name, binding.Schedule, binding.AppId);
            var stopping = _stopping.Token;
            _loops.Add(Task.Run(() => RunAsync(binding, schedule, route, started, stopping), CancellationToken.None));
        }
    }

    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        _loops.Clear();
        _active.Clear();
        _nextOccurrences.Clear();
        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
    }

    private async Task RunAsync(CronBinding binding, CronSchedule schedule, Uri route, DateTimeOffset started, CancellationToken stopping)
    {
        // Counting from the start time, not from when this loop first runs, so no tick in between is lost.
        var last = started;
        while (!stopping.IsCancellationRequested)
        {
            var next = schedule.Next(last, started);
            _nextOccurrences[binding.Name] = next;
            try
            {
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    // The clock can pass the occurrence before the timer starts, and the timer would then wait
                    // a whole extra interval. So the time is checked again once the timer exists.
                    var delay = Task.Delay(wait, _time, stopping);
                    if (_time.GetUtcNow() < next)
                    {
                        await delay;
                    }
                }

                last = next;
                using var response = await _http.PostAsync(route, new StringContent(string.Empty), stopping);
                if (!response.IsSuccessStatusCode)
                {
                    FireFailed(_logger, binding.Name, binding.AppId, (int)response.StatusCode);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException exception)
            {
                FireUnreachable(_logger, exception, binding.Name, binding.AppId);
            }
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information,
        Message = "Cron binding {Binding} fires on {Schedule} to {AppId}")]
    private static partial void Scheduled(ILogger logger, string binding, string schedule, string appId);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information,
        Message = "App {AppId} answered 404 to OPTIONS /{Binding}; the binding stays off, as under Dapr")]
    private static partial void NotHandled(ILogger logger, string binding, string appId);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning,
        Message = "Cron binding {Binding} POST to {AppId} failed with {Status}; it fires again at the next occurrence")]
    private static partial void FireFailed(ILogger logger, string binding, string appId, int status);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning,
        Message = "Cron binding {Binding} could not reach {AppId}; it fires again at the next occurrence")]
    private static partial void FireUnreachable(ILogger logger, Exception exception, string binding, string appId);
}
