using System.Net;
using DaprSync.NetSuiteEmulator.Faults;
using DaprSync.NetSuiteSapi.Tests.Soap;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.Concurrency;

/// <summary>SOAP calls under the account's concurrency limit, which NetSuite shares between SOAP and REST.</summary>
public sealed class SoapConcurrencyTests
{
    private static readonly Dictionary<string, string?> EmulatorLimitTwo = new()
    {
        ["NetSuiteEmulator:MaxConcurrentRequests"] = "2",
    };

    [Fact]
    public async Task Upserts_ClientLimitTwo_NeverRejected()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?> { ["NetSuite:MaxConcurrentRequests"] = "2" }, EmulatorLimitTwo);
        host.Items.Add("SKU-CHAI");
        AddLatency(host, milliseconds: 30);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(index =>
            PutAsync(host, Order(host.CustomerId, externalId: $"801PAR{index:D12}"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(10, host.Orders.All.Count);
        Assert.Equal(0, Gate(host).Rejected);
        Assert.InRange(Gate(host).Peak, 1, 2);
        // An upsert and the get for the tranId per order.
        Assert.Equal(20, host.Requests.Count);
    }

    [Fact]
    public async Task Upserts_ClientAboveLimit_RetriedToSuccess()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["NetSuite:MaxConcurrentRequests"] = "8",
                ["NetSuite:Soap:ConcurrencyRetries"] = "10",
                ["NetSuite:Soap:RetryBaseDelayMilliseconds"] = "20",
            },
            EmulatorLimitTwo);
        host.Items.Add("SKU-CHAI");
        AddLatency(host, milliseconds: 30);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(index =>
            PutAsync(host, Order(host.CustomerId, externalId: $"801RTY{index:D12}"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(10, host.Orders.All.Count);
        Assert.True(Gate(host).Rejected > 0, "the emulator rejected no call, so no retry was tested");
        Assert.InRange(Gate(host).Peak, 1, 2);
        Assert.Equal(20 + Gate(host).Rejected, host.Requests.Count);
    }

    [Fact]
    public async Task SoapAndRest_SharedLimit_NeverRejected()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?> { ["NetSuite:MaxConcurrentRequests"] = "2" }, EmulatorLimitTwo);
        host.Items.Add("SKU-CHAI");
        AddLatency(host, milliseconds: 30);
        var since = Iso(DateTimeOffset.UtcNow.AddMinutes(-1));

        var upserts = Enumerable.Range(0, 5).Select(index =>
            PutAsync(host, Order(host.CustomerId, externalId: $"801MIX{index:D12}")));
        var reads = Enumerable.Range(0, 5).Select(_ =>
            host.Sapi.GetAsync($"invoices?modifiedSince={since}", TestContext.Current.CancellationToken));
        var responses = await Task.WhenAll(upserts.Concat(reads));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(5, host.Orders.All.Count);
        Assert.Equal(0, Gate(host).Rejected);
        Assert.InRange(Gate(host).Peak, 1, 2);
    }

    [Fact]
    public async Task Emulator_PastLimit_ReturnsConcurrencyFault()
    {
        await using var host = await SoapTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["NetSuite:MaxConcurrentRequests"] = "8",
                ["NetSuite:Soap:ConcurrencyRetries"] = "0",
            },
            EmulatorLimitTwo);
        host.Items.Add("SKU-CHAI");
        AddLatency(host, milliseconds: 200);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(index =>
            PutAsync(host, Order(host.CustomerId, externalId: $"801REJ{index:D12}"))));

        Assert.Contains(responses, response => response.StatusCode == HttpStatusCode.ServiceUnavailable);
        var rejected = responses.First(response => response.StatusCode == HttpStatusCode.ServiceUnavailable);
        var problem = await SalesOrderUpsertTests.ProblemAsync(rejected);
        Assert.Contains("WS_REQUEST_BLOCKED", problem["detail"].ToString(), StringComparison.Ordinal);
        Assert.True(Gate(host).Rejected > 0);
    }

    private static void AddLatency(SoapTestHost host, int milliseconds) =>
        host.Emulator.Services.GetRequiredService<FaultInjector>()
            .Apply(new FaultPlan(milliseconds, null, null, null, null, null, null));

    private static ConcurrencyGate Gate(SoapTestHost host) =>
        host.Emulator.Services.GetRequiredService<ConcurrencyGate>();
}
