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
    public void DefaultPollers_OccurAtStaggeredMinutes()
    {
        foreach (var (binding, expected) in new[] { ("invoice-poller", new[] { 0, 15, 30, 45 }), ("refund-poller", new[] { 7, 22, 37, 52 }) })
        {
            var schedule = CronSchedule.Parse(CronBinding.Defaults.Single(b => b.Name == binding).Schedule);
            var occurrences = new List<DateTimeOffset>();
            for (var at = Midnight.AddSeconds(-1); occurrences.Count < 4; at = occurrences[^1])
            {
                occurrences.Add(schedule.Next(at, Midnight));
            }

            Assert.Equal(expected, occurrences.Select(o => o.Minute).ToArray());
            Assert.All(occurrences, o => Assert.Equal(0, o.Second));
        }
    }

    [Fact]
    public async Task StartAsync_HandledBinding_PostsOnEachTick()
    {
        var fired = new ConcurrentQueue<DateTimeOffset>();
        await using var app = await LoopbackApp.StartAsync(_ => { }, web =>
            web.MapPost("/invoice-poller", () =>
            {
                fired.Enqueue(DateTimeOffset.UtcNow);
                return Results.Ok();
            }));
        var apps = new InProcessAppDirectory();
        apps.Register("orchestrator", app.BaseAddress);
        await using var scheduler = new InProcessCronScheduler(apps, TimeProvider.System, NullLogger.Instance);

        await scheduler.StartAsync([new CronBinding("invoice-poller", "@every 1s", "orchestrator")], Token);
        var arrived = await WaitForAsync(() => fired.Count >= 2);

        Assert.True(arrived, "two ticks of @every 1s did not arrive within 30 s");
        Assert.Equal(["invoice-poller"], scheduler.ActiveBindings);
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

    // Generous on purpose: on a loaded 2-core machine the scheduler's loop can take seconds to run.
    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 6000 && !condition(); i++)
        {
            await Task.Delay(5, Token);
        }

        return condition();
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
