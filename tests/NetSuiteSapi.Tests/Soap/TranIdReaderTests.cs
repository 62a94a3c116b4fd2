using System.Net.Http.Json;
using System.Xml.Linq;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.SalesOrders;
using DaprSync.NetSuiteSapi.Soap;
using DaprSync.NetSuiteSapi.Soap.Contracts;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>
/// The reads of new Sales Orders' <c>tranId</c> against the emulator's SOAP port. Each test drives the reader's
/// registrations by hand and takes ns-sapi's NetSuite request slots itself, as a queue of other calls would, so
/// which reads share a <c>getList</c> does not depend on timing.
/// </summary>
public sealed class TranIdReaderTests
{
    private static readonly Dictionary<string, string?> LongWindow = new()
    {
        ["NetSuite:SalesOrders:TranIdReadWindowMilliseconds"] = "60000",
    };

    [Fact]
    public async Task Read_OtherCreateStillWriting_WaitsAndSharesOneGetList()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, second) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var b = reader.BeginCreate();
        var slots = await HoldSlotsAsync(host);

        var readA = a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        Assert.Equal(1, reader.Waiting);
        Assert.False(readA.IsCompleted);

        var readB = b.ReadTranIdAsync(second.InternalId, TestContext.Current.CancellationToken);
        Assert.Equal(0, reader.Waiting);
        Release(slots);

        Assert.Equal(first.TranId, await readA);
        Assert.Equal(second.TranId, await readB);
        var call = Assert.Single(GetLists(host));
        Assert.Equal([first.InternalId, second.InternalId], References(call));
        Assert.Equal(0, reader.Waiting);
    }

    [Fact]
    public async Task Read_OtherCreateEndsWithoutRead_SendsWaitingRead()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, _) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        var b = reader.BeginCreate();
        var slots = await HoldSlotsAsync(host);

        var readA = a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        Assert.Equal(1, reader.Waiting);
        b.Dispose();
        Assert.Equal(0, reader.Waiting);
        Release(slots);

        Assert.Equal(first.TranId, await readA);
        Assert.Equal([first.InternalId], References(Assert.Single(GetLists(host))));
    }

    [Fact]
    public async Task Read_WindowElapsed_SendsWithoutWaitingForWriters()
    {
        await using var host = await SoapTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuite:SalesOrders:TranIdReadWindowMilliseconds"] = "50",
        });
        var (first, _) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var stillWriting = reader.BeginCreate();
        var slots = await HoldSlotsAsync(host);

        var read = a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        Assert.Equal(1, reader.Waiting);
        // The slots stay held until the window has sent the read, so neither a finished writer nor a free slot
        // sent it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (reader.Waiting > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the 50 ms window never sent the read");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Release(slots);
        Assert.Equal(first.TranId, await read);
        Assert.Single(GetLists(host));
    }

    [Fact]
    public async Task Read_FreeSlotWhileOthersWrite_SendsAtOnce()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, _) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var stillWriting = reader.BeginCreate();

        var tranId = await a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);

        Assert.Equal(first.TranId, tranId);
        Assert.Equal([first.InternalId], References(Assert.Single(GetLists(host))));
    }

    [Fact]
    public async Task Read_BatchFull_SendsFullBatchAndKeepsRest()
    {
        await using var host = await SoapTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuite:SalesOrders:TranIdReadWindowMilliseconds"] = "60000",
            ["NetSuite:SalesOrders:TranIdReadBatchSize"] = "2",
        });
        var (first, second) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var a = reader.BeginCreate();
        using var b = reader.BeginCreate();
        using var c = reader.BeginCreate();
        using var stillWriting = reader.BeginCreate();
        var slots = await HoldSlotsAsync(host);

        var readA = a.ReadTranIdAsync(first.InternalId, cancellationToken);
        var readB = b.ReadTranIdAsync(second.InternalId, cancellationToken);
        Assert.Equal(0, reader.Waiting);
        var readC = c.ReadTranIdAsync(first.InternalId, cancellationToken);
        Assert.Equal(1, reader.Waiting);
        Release(slots);
        Assert.Equal(first.TranId, await readA);
        Assert.Equal(second.TranId, await readB);
        Assert.False(readC.IsCompleted);
        stillWriting.Dispose();

        Assert.Equal(first.TranId, await readC);
        Assert.Equal([[first.InternalId, second.InternalId], [first.InternalId]], GetLists(host).Select(References));
    }

    [Fact]
    public async Task Read_UnknownInternalId_ReturnsNullAndOthersTheirNumber()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, _) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var b = reader.BeginCreate();
        var slots = await HoldSlotsAsync(host);

        var missing = a.ReadTranIdAsync("999999", TestContext.Current.CancellationToken);
        var known = b.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        Release(slots);

        Assert.Null(await missing);
        Assert.Equal(first.TranId, await known);
        Assert.Equal(["999999", first.InternalId], References(Assert.Single(GetLists(host))));
    }

    [Fact]
    public async Task Read_GetListFaultsThreeTimes_FailsEveryReadOfBatch()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, second) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var b = reader.BeginCreate();
        host.Faults.Enqueue(new("unexpectedErrorFault", "UNEXPECTED_ERROR", "An unexpected error occurred."), times: 3);
        var slots = await HoldSlotsAsync(host);

        var readA = a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        var readB = b.ReadTranIdAsync(second.InternalId, TestContext.Current.CancellationToken);
        Release(slots);

        var faultA = await Assert.ThrowsAsync<NetSuiteSoapFaultException>(() => readA);
        var faultB = await Assert.ThrowsAsync<NetSuiteSoapFaultException>(() => readB);
        Assert.Equal("UNEXPECTED_ERROR", faultA.Fault.Code);
        Assert.Same(faultA, faultB);
        Assert.Equal(3, GetLists(host).Count);
    }

    [Fact]
    public async Task Read_GetListFaultsOnce_RetriesAndReadsBoth()
    {
        await using var host = await SoapTestHost.StartAsync(LongWindow);
        var (first, second) = await TwoOrdersAsync(host);
        var reader = Reader(host);
        using var a = reader.BeginCreate();
        using var b = reader.BeginCreate();
        host.Faults.Enqueue(new("unexpectedErrorFault", "UNEXPECTED_ERROR", "An unexpected error occurred."));
        var slots = await HoldSlotsAsync(host);

        var readA = a.ReadTranIdAsync(first.InternalId, TestContext.Current.CancellationToken);
        var readB = b.ReadTranIdAsync(second.InternalId, TestContext.Current.CancellationToken);
        Release(slots);

        Assert.Equal(first.TranId, await readA);
        Assert.Equal(second.TranId, await readB);
        Assert.Equal(2, GetLists(host).Count);
    }

    [Fact]
    public async Task GetList_OverNetSuiteLimit_ReturnsRecordCountFault()
    {
        await using var host = await SoapTestHost.StartAsync();
        var soap = host.SapiApp.Services.GetRequiredService<NetSuiteSoapClient>();
        var references = Enumerable.Range(1, 1001)
            .Select(index => new RecordRef { InternalId = index.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = "salesOrder" })
            .ToList();

        var fault = await Assert.ThrowsAsync<NetSuiteSoapFaultException>(
            () => soap.GetListAsync(references, TestContext.Current.CancellationToken));

        Assert.Equal("EXCEEDED_MAX_RECORDS", fault.Fault.Code);
        Assert.Equal("exceededRecordCountFault", fault.Fault.FaultName);
    }

    [Fact]
    public async Task Start_BatchSizeOverNetSuiteLimit_FailsNamingTheSetting()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => SoapTestHost.StartAsync(
            new Dictionary<string, string?> { ["NetSuite:SalesOrders:TranIdReadBatchSize"] = "1001" }));

        Assert.Contains("NetSuite:SalesOrders:TranIdReadBatchSize is 1001", exception.ToString(), StringComparison.Ordinal);
    }

    // Takes every NetSuite request slot of ns-sapi, so the reader sees NetSuite busy and each getList it sends
    // waits until the test releases them.
    private static async Task<List<IDisposable>> HoldSlotsAsync(SoapTestHost host)
    {
        var gate = host.SapiApp.Services.GetRequiredService<NetSuiteRequestGate>();
        var slots = new List<IDisposable>();
        for (var index = 0; index < gate.Limit; index++)
        {
            slots.Add(await gate.EnterAsync(TestContext.Current.CancellationToken));
        }

        return slots;
    }

    private static void Release(List<IDisposable> slots) => slots.ForEach(slot => slot.Dispose());

    private static TranIdReader Reader(SoapTestHost host) => host.SapiApp.Services.GetRequiredService<TranIdReader>();

    // Two Sales Orders created through ns-sapi, then the captured requests cleared.
    private static async Task<(SalesOrderUpsertResult First, SalesOrderUpsertResult Second)> TwoOrdersAsync(
        SoapTestHost host)
    {
        host.Items.Add("SKU-CHAI");
        var results = new List<SalesOrderUpsertResult>();
        foreach (var externalId in new[] { "801TRN000000001AAA", "801TRN000000002AAA" })
        {
            using var response = await PutAsync(host, Order(host.CustomerId, externalId: externalId));
            response.EnsureSuccessStatusCode();
            results.Add((await response.Content.ReadFromJsonAsync<SalesOrderUpsertResult>(
                TestContext.Current.CancellationToken))!);
        }

        host.Requests.Clear();
        return (results[0], results[1]);
    }

    private static List<XDocument> GetLists(SoapTestHost host) =>
        [.. host.Requests.Where(envelope => envelope.Root!.Elements().Last().Elements().First().Name.LocalName == "getList")];

    private static List<string> References(XDocument envelope) =>
        [.. envelope.Descendants().Where(element => element.Name.LocalName == "baseRef")
            .Select(element => (string)element.Attribute("internalId")!)];
}
