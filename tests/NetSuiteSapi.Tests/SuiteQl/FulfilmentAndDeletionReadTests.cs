using System.Net;
using System.Net.Http.Json;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteEmulator.Records.Items;
using DaprSync.NetSuiteEmulator.Records.SalesOrders;
using DaprSync.NetSuiteEmulator.Records.Transactions;
using DaprSync.NetSuiteSapi.SuiteQl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

/// <summary><c>GET /fulfilments</c>, <c>GET /deleted-transactions</c> and voided invoices through ns-sapi.</summary>
public sealed class FulfilmentAndDeletionReadTests
{
    [Fact]
    public async Task ListFulfilments_ChangeDuringRead_NoneSkippedOrRepeated()
    {
        // The emulator's clock starts a minute back, so TBA timestamps from the real clock stay within tolerance.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var host = await NetSuiteTestHost.StartAsync(emulatorTime: clock);
        var since = clock.GetUtcNow().AddSeconds(-1);
        var shipped = new List<string>();
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < 5; i++)
            {
                shipped.Add(AddFulfilment(host, salesOrderId: "5001").Id);
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var until = clock.GetUtcNow();
        var first = await ListAsync<FulfilmentPage>(host,
            $"fulfilments?modifiedSince={Iso(since)}&until={Iso(until)}&pageSize=10");
        var read = first.Items.Select(f => f.InternalId).ToList();
        Assert.Equal(10, first.Items.Count);
        Assert.True(first.HasMore);

        // One fulfilment already read and one not read yet change between pages, as a carrier update would.
        clock.Advance(TimeSpan.FromSeconds(2));
        var changed = new[] { read[0], shipped[^1] };
        Assert.Equal(2, Billing(host).ModifyTransactions(changed, "Tracking updated"));

        var page = first;
        while (page.HasMore)
        {
            page = await ListAsync<FulfilmentPage>(host,
                $"fulfilments?modifiedSince={Iso(since)}&pageSize=10&cursor={page.Cursor}");
            read.AddRange(page.Items.Select(f => f.InternalId));
        }

        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Equal(shipped.SkipLast(1).Order(), read.Order());
        Assert.Equal(SuiteQlLiteral.TruncateToSecond(until), page.Until);
        var next = await ListAsync<FulfilmentPage>(host,
            $"fulfilments?modifiedSince={Iso(page.Until)}&until={Iso(clock.GetUtcNow().AddSeconds(1))}");
        Assert.Equal(changed.Order(), next.Items.Select(f => f.InternalId).Order());
    }

    [Fact]
    public async Task ListFulfilments_ShippedOrder_MapsColumns()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var order = await CreateOrderAsync(host);
        var fulfilment = host.Emulator.Services.GetRequiredService<SalesOrderBilling>()
            .Fulfil(order.Id, "DHL Express", ["JD0146000012", "JD0146000013"]).Transaction!;

        var page = await ListAsync<FulfilmentPage>(host, "fulfilments?" + RecentWindow());

        var item = Assert.Single(page.Items);
        Assert.Equal(fulfilment.Id, item.InternalId);
        Assert.Equal(fulfilment.TranId, item.TranId);
        Assert.Equal(order.Id, item.SalesOrderId);
        Assert.Equal(fulfilment.ShipDate, item.ShipDate);
        Assert.Equal("DHL Express", item.Carrier);
        Assert.Equal(["JD0146000012", "JD0146000013"], item.TrackingNumbers);
        Assert.Equal("Shipped", item.Status);
        Assert.Equal(fulfilment.LastModifiedDate, item.LastModifiedDate);
    }

    [Fact]
    public async Task ListDeleted_DeletedInvoice_ListedWithType()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var invoices = Billing(host).BillInvoices(3, "1001", 40m);
        var credit = Billing(host).IssueRefund("1001", 15m, null, cashRefund: false)[0];
        var billing = host.Emulator.Services.GetRequiredService<SalesOrderBilling>();
        foreach (var transaction in invoices.Append(credit))
        {
            Assert.NotNull(billing.Delete(transaction.Id));
        }

        var read = new List<NetSuiteDeletedTransaction>();
        var page = await ListAsync<DeletedTransactionPage>(host, "deleted-transactions?types=CustInvc&pageSize=2&"
            + RecentWindow().Replace("modifiedSince", "deletedSince", StringComparison.Ordinal));
        read.AddRange(page.Items);
        Assert.True(page.HasMore);
        page = await ListAsync<DeletedTransactionPage>(host,
            $"deleted-transactions?types=CustInvc&pageSize=2&cursor={page.Cursor}");
        read.AddRange(page.Items);

        Assert.False(page.HasMore);
        Assert.Equal(invoices.Select(i => i.Id), read.Select(d => d.InternalId));
        Assert.All(read, deleted => Assert.Equal("CustInvc", deleted.Type));
        var logged = Ledger(host).DeletedRecords.ToDictionary(record => record.RecordId);
        Assert.All(read, deleted => Assert.Equal(logged[deleted.InternalId].DeletedDate, deleted.DeletedDate));
    }

    [Fact]
    public async Task ListDeleted_UnknownType_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync();

        using var response = await host.SapiClient.GetAsync(
            $"deleted-transactions?types=CustInvc,Journal&deletedSince={Iso(DateTimeOffset.UtcNow)}",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Journal", body, StringComparison.Ordinal);
        Assert.Equal(0, host.Calls.Get("POST /services/rest/query/v1/suiteql"));
    }

    [Fact]
    public async Task ListInvoices_VoidedInvoice_StatusVoided()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var invoice = Assert.Single(Billing(host).BillInvoices(1, "1001", 60m));
        Assert.Equal(200, Billing(host).Void(invoice.Id).Status);

        var page = await ListAsync<InvoicePage>(host, "invoices?" + RecentWindow());

        var listed = Assert.Single(page.Items);
        Assert.Equal(invoice.Id, listed.InternalId);
        Assert.Equal("Voided", listed.Status);
        Assert.Equal(0m, listed.Total);
        Assert.Equal(0m, listed.AmountRemaining);
    }

    [Fact]
    public void DeletedQuery_WithCursor_KeysOnDeletedDateAndRecordId()
    {
        var since = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var cursor = new KeysetCursor(since, since.AddHours(1), since.AddMinutes(5), 20042);

        var query = IncrementalReader.BuildQuery(
            DeletedTransactionMapper.Query(["CustInvc", "CustCred"]), since, since.AddHours(1), cursor);

        Assert.StartsWith("SELECT recordid, type, TO_CHAR(deleteddate, 'YYYY-MM-DD HH24:MI:SS') AS deleted "
            + "FROM DeletedRecord WHERE type IN ('invoice', 'creditmemo')", query, StringComparison.Ordinal);
        Assert.Contains("AND recordid > 20042))", query, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY deleteddate, recordid", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1Z999AA10123456784, 1Z999AA10123456785", 2)]
    [InlineData("1Z999AA10123456784<BR>1Z999AA10123456785 794600000001", 3)]
    [InlineData(" ", 0)]
    public void SplitTrackingNumbers_Separators_SplitsEveryNumber(string list, int count)
    {
        var numbers = FulfilmentMapper.SplitTrackingNumbers(list);

        Assert.Equal(count, numbers.Count);
        Assert.All(numbers, number => Assert.Matches("^[0-9A-Z]+$", number));
    }

    private static NetSuiteTransaction AddFulfilment(NetSuiteTestHost host, string salesOrderId) =>
        Ledger(host).Add(new NetSuiteTransaction("", TransactionTypes.ItemFulfillment, "", "1001", salesOrderId,
            DateOnly.FromDateTime(DateTime.UtcNow), null, TransactionTypes.Shipped, 0m, 0m, "1", default)
        {
            ShipMethodId = "101",
            TrackingNumbers = ["1Z999AA10123456784"],
        });

    private static async Task<NetSuiteSalesOrder> CreateOrderAsync(NetSuiteTestHost host)
    {
        var customer = await CreateCustomerAsync(host, "Shipped Ltd");
        var item = host.Emulator.Services.GetRequiredService<ItemCatalog>().Add("SKU-CHAI");
        return host.Emulator.Services.GetRequiredService<SalesOrderStore>().Write(store => store.Insert(
            new NetSuiteSalesOrder
            {
                ExternalId = "801000000000009AAA",
                EntityId = customer,
                ShipMethodId = "101",
                Lines = [new SalesOrderLineRecord { Line = 1, ItemId = item.Id, Quantity = 3, Rate = "18.00" }],
            }));
    }

    /// <summary>Query parameters for a window from a minute ago to two seconds ahead.</summary>
    private static string RecentWindow() =>
        $"modifiedSince={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}&until={Iso(DateTimeOffset.UtcNow.AddSeconds(2))}";

    private static async Task<TPage> ListAsync<TPage>(NetSuiteTestHost host, string pathAndQuery)
    {
        using var response = await host.SapiClient.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TPage>(TestContext.Current.CancellationToken))!;
    }
}
