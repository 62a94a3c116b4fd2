using DaprSync.Orchestrator.Notifications;

namespace DaprSync.Orchestrator.Polling;

/// <summary>Settings of the staleness alarm (section <c>Pollers:Alarm</c>).</summary>
public sealed class PollerAlarmOptions
{
    /// <summary>The pollers' schedule interval; a poller with no completed run for two of them is stale.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Runs in a row that kept their watermark (transient failures) before the alarm fires.</summary>
    public int MaxConsecutiveFailures { get; set; } = 3;

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Raises an alert (an error log and one email) when a poller has not completed a run for two intervals,
/// or when its runs keep failing. It alerts once per stall, and the next completed run clears the alarm.
/// </summary>
public sealed partial class PollerStalenessAlarm(
    PollerHealthStore health,
    FailureEmailSender email,
    Microsoft.Extensions.Options.IOptions<PollerAlarmOptions> options,
    TimeProvider time,
    ILogger<PollerStalenessAlarm> logger) : BackgroundService
{
    public static readonly IReadOnlyList<string> Pollers = ["invoice", "refund", "fulfilment"];

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>Checks every poller once; returns the pollers it raised an alarm for.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        var raised = new List<string>();
        var now = time.GetUtcNow();
        var settings = options.Value;
        foreach (var poller in Pollers)
        {
            var current = await health.GetAsync(poller, cancellationToken);
            if (current.AlarmRaisedAt is not null)
            {
                continue;
            }

            // A poller that never completed counts from the orchestrator's start.
            var since = current.LastCompletedAt ?? _startedAt;
            string? reason = null;
            if (now - since > settings.Interval * 2)
            {
                reason = $"no run of the {poller} poller has completed since {since:yyyy-MM-dd HH:mm:ss} UTC "
                    + $"(more than two {settings.Interval.TotalMinutes:0}-minute intervals)";
            }
            else if (current.ConsecutiveFailures >= settings.MaxConsecutiveFailures)
            {
                reason = $"the last {current.ConsecutiveFailures} runs of the {poller} poller failed and kept the watermark";
            }

            if (reason is null)
            {
                continue;
            }

            PollerStale(logger, poller, reason);
            await email.SendAlertAsync(poller, $"DaprSync {poller} poller is stalled", reason, cancellationToken);
            await health.MarkAlarmRaisedAsync(poller, current, now, cancellationToken);
            raised.Add(poller);
        }

        return raised;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CheckFailed(logger, exception);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Error, Message = "Poller {Poller} is stalled: {Reason}")]
    private static partial void PollerStale(ILogger logger, string poller, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "The poller staleness check failed; it runs again at the next tick")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}
