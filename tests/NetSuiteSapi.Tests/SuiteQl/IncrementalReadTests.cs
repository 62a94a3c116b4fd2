using System.Net;
using System.Net.Http.Json;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.SuiteQl;
using Microsoft.Extensions.Time.Testing;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.SuiteQl;

public sealed class IncrementalReadTests
{
    private const string InvoiceQuery = "POST /services/rest/query/v1/suiteql";

    [Fact]
    public async Task ListInvoices_ChangesDuringRead_NoneSkippedOrRepeated()
    {
        // The emulator's clock starts a minute back, so TBA timestamps from the real clock stay within tolerance.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var host = await NetSuiteTestHost.StartAsync(emulatorTime: clock);
        var customer = await CreateCustomerAsync(host, "Bulk Buyer");
        var since = clock.GetUtcNow().AddSeconds(-1);
        var invoices = new List<string>();
        for (var batch = 0; batch < 25; batch++)
        {
            invoices.AddRange(Billing(host).BillInvoices(100, customer, 50m).Select(i => i.Id));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var until = clock.GetUtcNow();
        var first = await ListAsync(host, $"modifiedSince={Iso(since)}&until={Iso(until)}&pageSize=1000");
        var read = first.Items.Select(i => i.InternalId).ToList();
        Assert.Equal(1000, first.Items.Count);
        Assert.True(first.HasMore);

        // 20 invoices already read and 20 not read yet change while the read is between pages.
        clock.Advance(TimeSpan.FromSeconds(2));
        var changed = read.Take(20).Concat(invoices.TakeLast(20)).ToList();
        Assert.Equal(40, Billing(host).ModifyTransactions(changed, "Changed during the read"));

        var page = first;
        var pages = 1;
        while (page.HasMore)
        {
            page = await ListAsync(host, $"modifiedSince={Iso(since)}&pageSize=1000&cursor={page.Cursor}");
            read.AddRange(page.Items.Select(i => i.InternalId));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Equal(invoices.Except(invoices.TakeLast(20)).Order(), read.Order());
        Assert.Equal(SuiteQlLiteral.TruncateToSecond(until), page.Until);

        var nextUntil = Iso(clock.GetUtcNow().AddSeconds(1));
        var next = await ListAsync(host, $"modifiedSince={Iso(page.Until)}&until={nextUntil}");
        Assert.False(next.HasMore);
        Assert.Equal(changed.Order(), next.Items.Select(i => i.InternalId).Order());
        Assert.Equal(invoices.Order(), read.Union(next.Items.Select(i => i.InternalId)).Order());
        Assert.Equal(4, host.Calls.Get(InvoiceQuery));
    }

    [Fact]
    public async Task ListInvoices_PageSizeAbove1000_Returns400()
    {
        await using var host = await NetSuiteTestHost.StartAsync();

        using var response = await host.SapiClient.GetAsync(
            $"invoices?modifiedSince={Iso(DateTimeOffset.UtcNow)}&pageSize=1001",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.Calls.Get(InvoiceQuery));
    }

    [Fact]
    public async Task ListInvoices_SmallPages_LoopsWhileHasMore()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var customer = await CreateCustomerAsync(host, "Paged Ltd");
        var billed = Billing(host).BillInvoices(7, customer, 12.5m).Select(i => i.Id).ToList();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var until = DateTimeOffset.UtcNow.AddSeconds(2);

        var read = new List<string>();
        var page = await ListAsync(host, $"modifiedSince={Iso(since)}&until={Iso(until)}&pageSize=3");
        var calls = 1;
        read.AddRange(page.Items.Select(i => i.InternalId));
        while (page.HasMore)
        {
            page = await ListAsync(host, $"modifiedSince={Iso(since)}&pageSize=3&cursor={page.Cursor}");
            read.AddRange(page.Items.Select(i => i.InternalId));
            calls++;
        }

        Assert.Equal(3, calls);
        Assert.Equal(billed, read);
        Assert.Null(page.Cursor);
    }

    [Fact]
    public async Task ListInvoices_MapsSuiteQlColumns()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var customer = await CreateCustomerAsync(host, "Mapped Ltd");
        var billed = Assert.Single(
            Billing(host).BillInvoices(1, customer, 99.95m, currencyId: "2", salesOrderId: "777"));

        var page = await ListAsync(host, RecentWindow());

        var invoice = Assert.Single(page.Items);
        Assert.Equal(billed.Id, invoice.InternalId);
        Assert.Equal(billed.TranId, invoice.TranId);
        Assert.Equal(customer, invoice.CustomerId);
        Assert.Equal("777", invoice.SalesOrderId);
        Assert.Equal(billed.TranDate, invoice.TranDate);
        Assert.Equal(billed.DueDate, invoice.DueDate);
        Assert.Equal("Open", invoice.Status);
        Assert.Equal(99.95m, invoice.Total);
        Assert.Equal(99.95m, invoice.AmountRemaining);
        Assert.Equal("GBP", invoice.Currency);
        Assert.Equal(billed.LastModifiedDate, invoice.LastModifiedDate);
    }

    [Fact]
    public async Task ListRefunds_ReturnsCreditMemosAndRefunds()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var customer = await CreateCustomerAsync(host, "Refunded Ltd");
        Billing(host).BillInvoices(2, customer, 10m);
        var issued = Billing(host).IssueRefund(customer, 25m, "Damaged goods", cashRefund: true);

        using var response = await host.SapiClient.GetAsync(
            "refunds?" + RecentWindow(),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<RefundPage>(TestContext.Current.CancellationToken))!;
        Assert.Equal(issued.Select(t => t.Id), page.Items.Select(r => r.InternalId));
        Assert.Equal(["CustCred", "CustRfnd"], page.Items.Select(r => r.Type));
        Assert.All(page.Items, r => Assert.Equal(25m, r.Amount));
        Assert.All(page.Items, r => Assert.Equal("Damaged goods", r.Memo));
        Assert.Equal("Refunded", page.Items[1].Status);
    }

    /// <summary>Query parameters for a window from a minute ago to two seconds ahead.</summary>
    private static string RecentWindow() =>
        $"modifiedSince={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}&until={Iso(DateTimeOffset.UtcNow.AddSeconds(2))}";

    private static async Task<InvoicePage> ListAsync(NetSuiteTestHost host, string query)
    {
        using var response = await host.SapiClient.GetAsync("invoices?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InvoicePage>(TestContext.Current.CancellationToken))!;
    }
}
