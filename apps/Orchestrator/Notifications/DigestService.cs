using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Notifications;

/// <summary>Hosted service that sends the failure digest once per <see cref="DigestOptions.Interval"/>.</summary>
public sealed partial class DigestService(
    DigestSender sender,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendNowAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException
            or HttpRequestException or Dapr.DaprException)
        {
            // A state store conflict or outage skips this digest, and the failures stay unsent for the next one.
            DigestFailed(logger, exception);
        }
    }

    [LoggerMessage(2203, LogLevel.Error, "Failure digest failed; it is tried again at the next interval")]
    private static partial void DigestFailed(ILogger logger, Exception exception);
}
