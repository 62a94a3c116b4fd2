using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DaprSync.Runtime.InProcess;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.InProcess;

public sealed partial class InProcessCronSchedulerTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultPollers_FireAtStaggeredMinutes()
    {
        var time = new FakeTimeProvider(Midnight.AddSeconds(-1));
        var fired = new ConcurrentQueue<(string Binding, DateTimeOffset At)>();
        await using var app = await LoopbackApp.StartAsync(_ => { }, web =>
        {
            foreach (var binding in new[] { "invoice-poller", "refund-poller" })
            {
                web.MapPost($"/{binding}", () =>
                {
                    fired.Enqueue((binding, time.GetUtcNow()));
                    return Results.Ok();
                });
            }
        });
        var apps = new InProcessAppDirectory();
        apps.Register("orchestrator", app.BaseAddress);
        await using var scheduler = new InProcessCronScheduler(apps, time, NullLogger.Instance);

        await scheduler.StartAsync(CronBinding.Defaults, Token);

        // Step the clock to each expected firing in turn, and wait for that POST before the next step.
        int[] minutes = [0, 7, 15, 22, 30, 37, 45, 52];
        for (var i = 0; i < minutes.Length; i++)
        {
            time.SetUtcNow(Midnight.AddMinutes(minutes[i]));
            await WaitForAsync(() => fired.Count > i);
        }

        Assert.Equal(["invoice-poller", "refund-poller"], scheduler.ActiveBindings);
        Assert.Equal(
            [0, 15, 30, 45],
            fired.Where(f => f.Binding == "invoice-poller").Select(f => f.At.Minute).ToArray());
        Assert.Equal(
            [7, 22, 37, 52],
            fired.Where(f => f.Binding == "refund-poller").Select(f => f.At.Minute).ToArray());
        Assert.All(fired, f => Assert.Equal(0, f.At.Second));
    }

    [Fact]
    public void Defaults_MatchComponentFiles()
    {
        var components = RepositoryFolder("components");

        foreach (var binding in CronBinding.Defaults)
        {
            var yaml = File.ReadAllText(Path.Combine(components, $"{binding.Name}.yaml"));
            var schedule = ScheduleValue().Match(yaml);

            Assert.True(schedule.Success, $"components/{binding.Name}.yaml has no schedule value");
            Assert.Equal(binding.Schedule, schedule.Groups[1].Value);
        }
    }

    [Theory]
    [InlineData("0 */15 * * * *", "2026-12-04T00:05:00Z", "2026-12-04T00:15:00Z")]
    [InlineData("@every 15m", "2026-12-04T00:05:00Z", "2026-12-04T00:15:00Z")]
    [InlineData("@every 1h30m", "2026-12-04T00:00:00Z", "2026-12-04T01:30:00Z")]
    public void Next_ReturnsFollowingOccurrence(string schedule, string after, string expected)
    {
        var next = CronSchedule.Parse(schedule).Next(DateTimeOffset.Parse(after), Midnight);

        Assert.Equal(DateTimeOffset.Parse(expected), next);
    }

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("@every soon")]
    public void Parse_InvalidSchedule_NamesValue(string schedule)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule));

        Assert.Contains(schedule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AppWithoutRoute_LeavesBindingOff()
    {
        await using var app = await LoopbackApp.StartAsync(_ => { }, _ => { });
        var apps = new InProcessAppDirectory();
        apps.Register("orchestrator", app.BaseAddress);
        await using var scheduler = new InProcessCronScheduler(apps, TimeProvider.System, NullLogger.Instance);

        await scheduler.StartAsync(CronBinding.Defaults, Token);

        Assert.Empty(scheduler.ActiveBindings);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5, Token);
        }
    }

    private static string RepositoryFolder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DaprSync.sln")))
            {
                return Path.Combine(directory.FullName, name);
            }
        }

        throw new DirectoryNotFoundException("The repository root (DaprSync.sln) was not found above the test binaries.");
    }

    [GeneratedRegex("name: schedule\\s+value: \"([^\"]+)\"")]
    private static partial Regex ScheduleValue();
}
