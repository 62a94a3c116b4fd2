using System.Net;
using DaprSync.NetSuiteEmulator.Faults;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.Concurrency;

public sealed class ConcurrencyLimitTests
{
    private const string SuiteQlCall = "POST /services/rest/query/v1/suiteql";

    private static readonly Dictionary<string, string?> StandardLimit = new()
    {
        ["NetSuiteEmulator:MaxConcurrentRequests"] = "5",
    };

    [Fact]
    public async Task Emulator_PastLimit_Returns429WithNetSuiteBody()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false, emulatorSettings: StandardLimit);
        Faults(host).Apply(new FaultPlan(300, null, null, null, null, null, null));

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(_ => QueryAsync(host, "SELECT id FROM item")));

        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(rejected);
        Assert.Equal(12 - rejected.Count, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal("CONCURRENCY_LIMIT_EXCEEDED", ErrorCode(await ReadJsonAsync(rejected[0])));
        Assert.Equal(rejected.Count, Gate(host).Rejected);
        Assert.Equal(5, Gate(host).Peak);
    }

    [Fact]
    public async Task Sapi_ParallelReads_NeverExceedLimit()
    {
        await using var host = await NetSuiteTestHost.StartAsync(emulatorSettings: StandardLimit);
        Faults(host).Apply(new FaultPlan(100, null, null, null, null, null, null));
        var since = Iso(DateTimeOffset.UtcNow.AddMinutes(-1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ =>
            host.SapiClient.GetAsync($"invoices?modifiedSince={since}", TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, Gate(host).Rejected);
        Assert.InRange(Gate(host).Peak, 1, 5);
        Assert.Equal(15, host.Calls.Get(SuiteQlCall));
    }

    [Fact]
    public async Task Sapi_429Storm_RetriedToSuccess()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        Faults(host).Apply(new FaultPlan(null, null, null, null, 3, 429, null));

        using var response = await host.SapiClient.GetAsync(
            $"invoices?modifiedSince={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Faults(host).InjectedCount);
        Assert.Equal(1, host.Calls.Get(SuiteQlCall));
    }

    [Fact]
    public async Task Sapi_5xxBeyondRetries_Returns503()
    {
        await using var host = await NetSuiteTestHost.StartAsync(
            sapiSettings: new Dictionary<string, string?> { ["NetSuite:MaxRetryAttempts"] = "2" });
        Faults(host).Apply(new FaultPlan(null, null, null, null, 10, 503, null));

        using var response = await host.SapiClient.GetAsync(
            $"invoices?modifiedSince={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, Faults(host).InjectedCount);
        Assert.Equal(0, host.Calls.Get(SuiteQlCall));
    }

    [Fact]
    public async Task Sapi_HungRequest_RetriedAfterTimeout()
    {
        await using var host = await NetSuiteTestHost.StartAsync(
            sapiSettings: new Dictionary<string, string?> { ["NetSuite:RequestTimeoutSeconds"] = "1" });
        Faults(host).Apply(new FaultPlan(null, null, null, null, null, null, 1));

        using var response = await host.SapiClient.GetAsync(
            $"invoices?modifiedSince={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Faults(host).InjectedCount);
        Assert.Equal(1, host.Calls.Get(SuiteQlCall));
    }

    private static FaultInjector Faults(NetSuiteTestHost host) =>
        host.Emulator.Services.GetRequiredService<FaultInjector>();

    private static ConcurrencyGate Gate(NetSuiteTestHost host) =>
        host.Emulator.Services.GetRequiredService<ConcurrencyGate>();
}
