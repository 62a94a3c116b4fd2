using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.Benchmarks.Hosting;
using DaprSync.NetSuiteEmulator.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Benchmarks.Scenarios.Drills;

/// <summary>
/// Faults counted by the emulators, each kind apart. NetSuite's throttled calls are REST calls rejected with a 429
/// and SOAP calls rejected with the <c>WS_REQUEST_BLOCKED</c> concurrency fault.
/// </summary>
public sealed record FaultCounts(
    long NetSuiteServerErrors,
    long NetSuiteTimeouts,
    long NetSuiteThrottled,
    long SalesforceServerErrors,
    long SalesforceThrottled,
    long SalesforceTimeouts)
{
    public long Total => NetSuiteServerErrors + NetSuiteTimeouts + NetSuiteThrottled
        + SalesforceServerErrors + SalesforceThrottled + SalesforceTimeouts;

    public long NetSuiteTotal => NetSuiteServerErrors + NetSuiteTimeouts + NetSuiteThrottled;

    public static FaultCounts operator -(FaultCounts after, FaultCounts before) => new(
        after.NetSuiteServerErrors - before.NetSuiteServerErrors,
        after.NetSuiteTimeouts - before.NetSuiteTimeouts,
        after.NetSuiteThrottled - before.NetSuiteThrottled,
        after.SalesforceServerErrors - before.SalesforceServerErrors,
        after.SalesforceThrottled - before.SalesforceThrottled,
        after.SalesforceTimeouts - before.SalesforceTimeouts);
}

/// <summary>
/// Turns on the drills' faults in both emulators through their admin endpoints and reads back how many each
/// injected: 10% of calls fail with 503, 5% with 429 and 2% hang for <see cref="DrillHostSettings.HangSeconds"/>.
/// </summary>
public static class FaultInjection
{
    public const double ServerErrorRate = 0.10;
    public const double ThrottleRate = 0.05;
    public const double TimeoutRate = 0.02;

    /// <summary>
    /// Emulator settings that make the NetSuite emulator's injected hangs last <see cref="DrillHostSettings.HangSeconds"/>
    /// instead of its default of 120 s.
    /// </summary>
    public static Dictionary<string, string?> EmulatorSettings() => new()
    {
        ["NetSuiteEmulator:Faults:TimeoutSeconds"] = DrillHostSettings.HangSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Sets the fault rates of both emulators. NetSuite's 503s, hangs and throttling hit REST and SOAP calls alike.
    /// </summary>
    public static async Task InjectAsync(BenchmarkEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.Emulators.NetSuite.Services.GetRequiredService<FaultInjector>()
            .Apply(new FaultPlan(null, ServerErrorRate, 503, TimeoutRate, null, null, null));
        using var netSuite = new HttpClient { BaseAddress = environment.Emulators.NetSuite.BaseAddress };
        using var throttle = await netSuite.PostAsJsonAsync(
            "admin/throttle", new ThrottlePlan(ThrottleRate), cancellationToken);
        throttle.EnsureSuccessStatusCode();

        using var salesforce = new HttpClient { BaseAddress = environment.Emulators.SalesforceRestAddress };
        using var traffic = await salesforce.PostAsJsonAsync(
            "admin/traffic",
            new
            {
                serverErrorRate = ServerErrorRate,
                throttleRate = ThrottleRate,
                timeoutRate = TimeoutRate,
                timeoutSeconds = DrillHostSettings.HangSeconds,
            },
            cancellationToken);
        traffic.EnsureSuccessStatusCode();
    }

    /// <summary>Reads the faults both emulators have injected since they started.</summary>
    public static async Task<FaultCounts> ReadAsync(BenchmarkEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        using var netSuite = new HttpClient { BaseAddress = environment.Emulators.NetSuite.BaseAddress };
        var injected = await netSuite.GetFromJsonAsync<JsonObject>("admin/faults/injected", cancellationToken)
            ?? throw new InvalidOperationException("GET admin/faults/injected of the NetSuite emulator returned no body.");
        var throttle = await netSuite.GetFromJsonAsync<JsonObject>("admin/throttle", cancellationToken)
            ?? throw new InvalidOperationException("GET admin/throttle of the NetSuite emulator returned no body.");
        using var salesforce = new HttpClient { BaseAddress = environment.Emulators.SalesforceRestAddress };
        var traffic = await salesforce.GetFromJsonAsync<JsonObject>("admin/traffic", cancellationToken);
        var salesforceInjected = traffic?["injected"]
            ?? throw new InvalidOperationException("GET admin/traffic of the Salesforce emulator returned no 'injected' counts.");
        return new FaultCounts(
            injected["errors"]!.GetValue<long>(),
            injected["hangs"]!.GetValue<long>(),
            throttle["throttled"]!.GetValue<long>(),
            salesforceInjected["serverErrors"]!.GetValue<long>(),
            salesforceInjected["throttled"]!.GetValue<long>(),
            salesforceInjected["timeouts"]!.GetValue<long>());
    }
}
