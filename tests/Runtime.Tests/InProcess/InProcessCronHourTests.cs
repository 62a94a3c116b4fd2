using System.Collections.Concurrent;
using DaprSync.Runtime.InProcess;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.InProcess;

/// <summary>
/// One simulated hour of the pollers' default schedules on a fake clock, with the POSTs going to a real loopback
/// app. The clock moves only once every binding has armed its next occurrence, and then to exactly the earliest
/// one, so each POST arrives at its occurrence and none is lost or doubled.
/// </summary>
public sealed class InProcessCronHourTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 59, 59, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultBindings_OneHour_FireAtTheirMinutes()
    {
        var time = new FakeTimeProvider(Start);
        var fired = new ConcurrentQueue<(string Binding, DateTimeOffset At)>();
        await using var app = await LoopbackApp.StartAsync(_ => { }, web =>
        {
            foreach (var binding in CronBinding.Defaults)
            {
                web.MapPost($"/{binding.Name}", () =>
                {
                    fired.Enqueue((binding.Name, time.GetUtcNow()));
                    return Results.Ok();
                });
            }
        });
        var apps = new InProcessAppDirectory();
        apps.Register("orchestrator", app.BaseAddress);
        await using var scheduler = new InProcessCronScheduler(apps, time, NullLogger.Instance);
        await scheduler.StartAsync(CronBinding.Defaults, Token);

        var end = Start.AddHours(1);
        while (true)
        {
            await WaitUntilArmedAsync(scheduler, time.GetUtcNow());
            var next = scheduler.NextOccurrences.Values.Min();
            if (next > end)
            {
                break;
            }

            time.Advance(next - time.GetUtcNow());
        }

        var expected = new List<(string, DateTimeOffset)>();
        foreach (var (binding, minutes) in new[]
        {
            ("invoice-poller", new[] { 0, 15, 30, 45 }),
            ("refund-poller", new[] { 7, 22, 37, 52 }),
            ("fulfilment-poller", new[] { 11, 26, 41, 56 }),
        })
        {
            expected.AddRange(minutes.Select(minute => (binding, new DateTimeOffset(2026, 12, 4, 9, minute, 0, TimeSpan.Zero))));
        }

        Assert.Equal(3, scheduler.ActiveBindings.Count);
        Assert.Equal(
            expected.OrderBy(e => e.Item2).ToArray(),
            fired.OrderBy(f => f.At).Select(f => (f.Binding, f.At)).ToArray());
    }

    // Waits until each binding has sent its POSTs up to now and armed a later occurrence.
    private static async Task WaitUntilArmedAsync(InProcessCronScheduler scheduler, DateTimeOffset now)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (scheduler.NextOccurrences.Count < CronBinding.Defaults.Count
            || scheduler.NextOccurrences.Values.Any(occurrence => occurrence <= now))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the bindings did not arm their next occurrence after {now:o} within 10 s");
            await Task.Delay(2, Token);
        }
    }
}
