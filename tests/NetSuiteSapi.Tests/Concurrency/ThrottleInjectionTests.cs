using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.NetSuiteEmulator.Faults;
using DaprSync.NetSuiteSapi.Tests.Soap;
using DaprSync.Runtime.Observability;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Concurrency;

/// <summary>
/// The emulator's throttle (<c>POST /admin/throttle</c>) on SOAP calls, which NetSuite rejects with a concurrency
/// fault rather than a 429, and the emulator's separate counts of injected errors and hangs.
/// </summary>
public sealed class ThrottleInjectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Throttle_SoapCall_ReturnsConcurrencyFault()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?> { ["NetSuite:Soap:ConcurrencyRetries"] = "0" });
        host.Items.Add("SKU-CHAI");
        await SetThrottleAsync(host, rate: 1);

        using var response = await PutAsync(host, Order(host.CustomerId, externalId: "801THR000000000001"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await SalesOrderUpsertTests.ProblemAsync(response);
        Assert.Contains("WS_REQUEST_BLOCKED", problem["detail"].ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Orders.All);
        var counts = await ReadThrottleAsync(host);
        Assert.Equal(1, counts["throttledSoap"]!.GetValue<long>());
        Assert.Equal(0, counts["throttledRest"]!.GetValue<long>());
        Assert.Equal(1, counts["throttled"]!.GetValue<long>());
    }

    [Fact]
    public async Task Throttle_SoapCalls_RetriedToSuccess()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["NetSuite:Soap:ConcurrencyRetries"] = "10",
                ["NetSuite:Soap:RetryBaseDelayMilliseconds"] = "5",
            });
        host.Items.Add("SKU-CHAI");
        using var metrics = new MetricsRecorder(host.SapiApp.Services, DaprSyncTelemetry.Name);
        await SetThrottleAsync(host, rate: 0.3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(index =>
            PutAsync(host, Order(host.CustomerId, externalId: $"801THR{index:D12}"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(10, host.Orders.All.Count);
        var throttled = (await ReadThrottleAsync(host))["throttledSoap"]!.GetValue<long>();
        Assert.True(throttled > 0, "the throttle rejected no SOAP call, so no retry was tested");

        // Each rejected call is one faulted call and one retry in the metrics of ns-sapi.
        var retries = metrics.Of("daprsync.retries");
        var calls = metrics.Of("daprsync.api.calls");
        Assert.Equal(throttled, retries.Count);
        Assert.All(retries, retry => Assert.Equal("netsuite", retry.Tag("daprsync.target")));
        Assert.All(retries, retry => Assert.StartsWith("SOAP ", retry.Tag("daprsync.operation"), StringComparison.Ordinal));
        Assert.Equal(throttled, calls.Count(call => call.Tag("http.response.status_code") == "500"));
        Assert.Equal(10, calls.Count(call => call.Tag("daprsync.endpoint") == "SOAP upsert"
            && call.Tag("http.response.status_code") == "200"));
    }

    [Fact]
    public async Task FaultInjector_ErrorsAndHangs_CountedApart()
    {
        await using var host = await SoapTestHost.StartAsync();
        var faults = host.Emulator.Services.GetRequiredService<FaultInjector>();
        faults.Apply(new FaultPlan(null, null, null, null, FailNextCount: 2, FailNextStatus: 503, TimeoutNextCount: 1));

        var drawn = Enumerable.Range(0, 4).Select(_ => faults.Next()).ToList();

        Assert.Equal(1, drawn.Count(fault => fault.Hang is not null));
        Assert.Equal(2, drawn.Count(fault => fault.ErrorStatus == 503));
        using var admin = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        var injected = await admin.GetFromJsonAsync<JsonObject>("admin/faults/injected", Token);
        Assert.Equal(2, injected!["errors"]!.GetValue<long>());
        Assert.Equal(1, injected["hangs"]!.GetValue<long>());
        Assert.Equal(3, injected["total"]!.GetValue<long>());
    }

    private static async Task SetThrottleAsync(SoapTestHost host, double rate)
    {
        using var admin = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var response = await admin.PostAsJsonAsync("admin/throttle", new ThrottlePlan(rate), Token);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonObject> ReadThrottleAsync(SoapTestHost host)
    {
        using var admin = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        return (await admin.GetFromJsonAsync<JsonObject>("admin/throttle", Token))!;
    }
}
