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
        // An upsert per order; the tranId reads of concurrent orders share getList calls.
        AssertOneUpsertAndOneReadPerOrder(host, orders: 10, rejected: 0);
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
        AssertOneUpsertAndOneReadPerOrder(host, orders: 10, rejected: Gate(host).Rejected);
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

    // A call the emulator rejects for the limit is captured too and then repeated, so with rejections the counts
    // of each operation have a range.
    private static void AssertOneUpsertAndOneReadPerOrder(SoapTestHost host, int orders, long rejected)
    {
        var operations = host.Requests.Select(Operation).ToList();
        var upserts = operations.Count(operation => operation == "upsert");
        var reads = host.Requests.Where(envelope => Operation(envelope) == "getList")
            .Select(envelope => envelope.Descendants().Count(element => element.Name.LocalName == "baseRef"))
            .ToList();
        Assert.Equal(upserts + reads.Count, operations.Count);
        Assert.InRange(upserts, orders, orders + rejected);
        Assert.InRange(reads.Count, 1, orders + rejected);
        if (rejected == 0)
        {
            Assert.Equal(orders, reads.Sum());
        }
        else
        {
            Assert.True(reads.Sum() >= orders, $"getList calls read {reads.Sum()} references for {orders} orders");
        }
    }

    private static string Operation(System.Xml.Linq.XDocument envelope) =>
        envelope.Root!.Elements().Last().Elements().First().Name.LocalName;

    private static void AddLatency(SoapTestHost host, int milliseconds) =>
        host.Emulator.Services.GetRequiredService<FaultInjector>()
            .Apply(new FaultPlan(milliseconds, null, null, null, null, null, null));

    private static ConcurrencyGate Gate(SoapTestHost host) =>
        host.Emulator.Services.GetRequiredService<ConcurrencyGate>();
}
