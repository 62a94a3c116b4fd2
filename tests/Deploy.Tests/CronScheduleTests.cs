using System.Text.RegularExpressions;
using Cronos;

namespace DaprSync.Deploy.Tests;

public sealed partial class CronScheduleTests
{
    private static readonly DateTime DayStart = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> ComponentFolders() => ["components", "deploy/kubernetes/base/components"];

    private static Dictionary<string, string> ReadSchedules(string folder) =>
        DaprComponent.ReadAll(RepositoryPaths.File(folder.Split('/')))
            .Where(component => component.Type == "bindings.cron")
            .ToDictionary(
                component => component.Name,
                component => Assert.Single(component.Metadata, item => item.Name == "schedule").Value!);

    private static List<DateTime> OccurrencesOnOneDay(string schedule) =>
    [
        .. CronExpression.Parse(schedule, CronFormat.IncludeSeconds)
            .GetOccurrences(DayStart, DayStart.AddDays(1), TimeZoneInfo.Utc, fromInclusive: true, toInclusive: false),
    ];

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void Schedules_AreSixFieldCronExpressions(string folder)
    {
        var schedules = ReadSchedules(folder);

        Assert.Equal(
            ["fulfilment-poller", "invoice-poller", "refund-poller"],
            schedules.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, schedule) in schedules)
        {
            Assert.True(
                schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6,
                $"{name}: '{schedule}' must have six fields, seconds first.");
            Assert.NotEmpty(OccurrencesOnOneDay(schedule));
        }
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void InvoicePoller_RunsEveryFifteenMinutes(string folder)
    {
        var runs = OccurrencesOnOneDay(ReadSchedules(folder)["invoice-poller"]);

        Assert.Equal(96, runs.Count);
        Assert.Equal(DayStart, runs[0]);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(15), pair.Second - pair.First));
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void RefundPoller_RunsSevenMinutesAfterInvoicePoller(string folder)
    {
        var schedules = ReadSchedules(folder);
        var invoiceRuns = OccurrencesOnOneDay(schedules["invoice-poller"]);
        var refundRuns = OccurrencesOnOneDay(schedules["refund-poller"]);

        Assert.Equal(invoiceRuns.Count, refundRuns.Count);
        Assert.Equal(invoiceRuns.Select(run => run.AddMinutes(7)), refundRuns);
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void FulfilmentPoller_NeverRunsWithOtherPollers(string folder)
    {
        var schedules = ReadSchedules(folder);
        var otherRuns = OccurrencesOnOneDay(schedules["invoice-poller"])
            .Concat(OccurrencesOnOneDay(schedules["refund-poller"]))
            .ToHashSet();

        var fulfilmentRuns = OccurrencesOnOneDay(schedules["fulfilment-poller"]);

        Assert.NotEmpty(fulfilmentRuns);
        Assert.DoesNotContain(fulfilmentRuns, otherRuns.Contains);
    }

    [Fact]
    public void BicepSchedules_MatchComponentFiles()
    {
        var bicep = File.ReadAllText(RepositoryPaths.File("deploy", "azure-container-apps", "main.bicep"));
        var bicepSchedules = PollerPattern().Matches(bicep)
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["schedule"].Value);

        Assert.Equal(ReadSchedules("components"), bicepSchedules);
    }

    [GeneratedRegex(@"name: '(?<name>[a-z]+-poller)', schedule: '(?<schedule>[^']+)'")]
    private static partial Regex PollerPattern();
}
