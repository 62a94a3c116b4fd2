using System.Globalization;

namespace DaprSync.Drills.Tests;

/// <summary>App settings that keep drills inside CI time: short timeouts, backoffs, leases and claims.</summary>
internal static class DrillSettings
{
    /// <summary>How long an injected timeout hangs; the apps' request timeout of 1 s expires first.</summary>
    public const int HangSeconds = 3;

    /// <summary>Settings for a run against emulators that inject faults.</summary>
    public static Dictionary<string, string?> Faulty(int pageSize, int batchSize) => new()
    {
        ["Salesforce:RequestTimeoutSeconds"] = "1",
        ["NetSuite:RequestTimeoutSeconds"] = "1",
        ["Pollers:invoice:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        ["Pollers:invoice:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Pollers:invoice:MaxAttempts"] = "6",
        ["Pollers:invoice:InitialBackoff"] = "00:00:00.050",
        ["Runtime:Bus:InitialBackoff"] = "00:00:00.050",
        ["Runtime:Bus:MaxBackoff"] = "00:00:00.500",
        ["Runtime:Bus:MaxAttempts"] = "20",
    };
}
