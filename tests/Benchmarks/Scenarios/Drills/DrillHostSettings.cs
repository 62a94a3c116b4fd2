using System.Globalization;

namespace DaprSync.Benchmarks.Scenarios.Drills;

/// <summary>
/// App settings of the drill scenarios, the same as the CI drills in <c>tests/Drills.Tests</c> use: short request
/// timeouts, backoffs, leases and event claims, so that a fault or a kill costs seconds instead of minutes.
/// </summary>
public static class DrillHostSettings
{
    /// <summary>How long an injected timeout hangs; the apps' request timeout of 1 s expires first.</summary>
    public const int HangSeconds = 3;

    /// <summary>Settings for apps that call emulators which inject faults.</summary>
    public static Dictionary<string, string?> Faulty(int pageSize, int batchSize) => new()
    {
        ["Salesforce:RequestTimeoutSeconds"] = "1",
        ["NetSuite:RequestTimeoutSeconds"] = "1",
        ["NetSuite:Soap:RequestTimeoutSeconds"] = "1",
        ["Pollers:invoice:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        ["Pollers:invoice:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Pollers:invoice:MaxAttempts"] = "6",
        ["Pollers:invoice:InitialBackoff"] = "00:00:00.050",
        ["Runtime:Bus:InitialBackoff"] = "00:00:00.050",
        ["Runtime:Bus:MaxBackoff"] = "00:00:00.500",
        ["Runtime:Bus:MaxAttempts"] = "20",
        ["OrderSync:MaxAttempts"] = "12",
        ["OrderSync:FirstRetryInterval"] = "00:00:00.200",
        ["OrderSync:MaxRetryInterval"] = "00:00:02",
    };

    /// <summary>
    /// Settings for a host that is killed: leases and event claims of a dead process expire within seconds, so the
    /// restarted process takes over quickly.
    /// </summary>
    public static Dictionary<string, string?> Crash() => new()
    {
        ["Salesforce:PubSub:LeaseTimeToLive"] = "00:00:01",
        ["Pollers:invoice:LeaseDuration"] = "00:00:02",
        ["Pollers:invoice:PageSize"] = "50",
        ["Pollers:invoice:BatchSize"] = "25",
        ["Pollers:invoice:InitialBackoff"] = "00:00:00.100",
        ["CustomerSync:EventClaimTimeout"] = "00:00:02",
        ["OrderSync:EventClaimTimeout"] = "00:00:02",
        ["Runtime:Bus:InitialBackoff"] = "00:00:00.100",
        ["Runtime:Bus:MaxBackoff"] = "00:00:01",
        ["Runtime:Bus:MaxAttempts"] = "30",
    };
}
