using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteEmulator.Records.Payments;
using Microsoft.Extensions.DependencyInjection;
using static DaprSync.NetSuiteSapi.Tests.SuiteQl.SuiteQlTestData;

namespace DaprSync.NetSuiteSapi.Tests.Payments;

public sealed class PaymentsApiTests
{
    private const string PutPayment = "PUT /services/rest/record/v1/customerPayment/eid:{externalId}";

    private static readonly Dictionary<string, string?> AccountSettings = new()
    {
        ["NetSuite:Payments:ArAccountId"] = "119",
        ["NetSuite:Payments:GlAccountId"] = "122",
    };

    [Fact]
    public async Task Upsert_TwoOpenInvoices_AppliesToNamedInvoice()
    {
        await using var host = await NetSuiteTestHost.StartAsync(sapiSettings: AccountSettings);
        var customer = await CreateCustomerAsync(host, "Payer Ltd");
        var invoices = Billing(host).BillInvoices(2, customer, 100m);

        var result = await UpsertAsync(host, new PaymentUpsertRequest(
            "a0PSF0000001", customer, invoices[1].Id, 40m, new DateOnly(2026, 3, 2), "Cheque 1001"));

        var payment = Assert.Single(host.Emulator.Services.GetRequiredService<PaymentBook>().Payments);
        Assert.Equal(result.InternalId, payment.Id);
        Assert.Equal("a0PSF0000001", payment.ExternalId);
        Assert.Equal(customer, payment.CustomerId);
        Assert.Equal(40m, payment.Payment);
        Assert.Equal("119", payment.ArAccountId);
        Assert.Equal("122", payment.AccountId);
        Assert.Equal(new DateOnly(2026, 3, 2), payment.TranDate);
        Assert.Equal([new PaymentApplication(invoices[1].Id, 40m)], payment.Applications);
        Assert.Equal(100m, Ledger(host).Find(invoices[0].Id)!.ForeignAmountRemaining);
        Assert.Equal(60m, Ledger(host).Find(invoices[1].Id)!.ForeignAmountRemaining);
        Assert.Equal(1, host.Calls.Get(PutPayment));
    }

    [Fact]
    public async Task Upsert_SameExternalIdTwice_KeepsOnePayment()
    {
        await using var host = await NetSuiteTestHost.StartAsync(sapiSettings: AccountSettings);
        var customer = await CreateCustomerAsync(host, "Twice Ltd");
        var invoice = Assert.Single(Billing(host).BillInvoices(1, customer, 80m));
        var request = new PaymentUpsertRequest("a0PSF0000002", customer, invoice.Id, 80m, null, null);

        var first = await UpsertAsync(host, request);
        var second = await UpsertAsync(host, request);

        Assert.Equal(first.InternalId, second.InternalId);
        Assert.Single(host.Emulator.Services.GetRequiredService<PaymentBook>().Payments);
        var paid = Ledger(host).Find(invoice.Id)!;
        Assert.Equal(0m, paid.ForeignAmountRemaining);
        Assert.Equal("B", paid.Status);
        Assert.Equal(2, host.Calls.Get(PutPayment));
    }

    [Fact]
    public async Task Upsert_AmountAboveRemaining_Returns422()
    {
        await using var host = await NetSuiteTestHost.StartAsync(sapiSettings: AccountSettings);
        var customer = await CreateCustomerAsync(host, "Over Ltd");
        var invoice = Assert.Single(Billing(host).BillInvoices(1, customer, 10m));

        using var response = await PutAsync(
            host, new PaymentUpsertRequest("a0PSF0000003", customer, invoice.Id, 11m, null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("USER_ERROR", problem.GetProperty("errorCode").GetString());
        Assert.Equal(10m, Ledger(host).Find(invoice.Id)!.ForeignAmountRemaining);
        Assert.Empty(host.Emulator.Services.GetRequiredService<PaymentBook>().Payments);
    }

    [Fact]
    public async Task Upsert_InvoiceOfOtherCustomer_Returns422()
    {
        await using var host = await NetSuiteTestHost.StartAsync(sapiSettings: AccountSettings);
        var payer = await CreateCustomerAsync(host, "Payer Ltd");
        var other = await CreateCustomerAsync(host, "Other Ltd");
        var invoice = Assert.Single(Billing(host).BillInvoices(1, other, 10m));

        using var response = await PutAsync(
            host, new PaymentUpsertRequest("a0PSF0000004", payer, invoice.Id, 5m, null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("INVALID_KEY_OR_REF", problem.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Upsert_AccountSettingsMissing_Returns500NamingKey()
    {
        await using var host = await NetSuiteTestHost.StartAsync();
        var customer = await CreateCustomerAsync(host, "Unset Ltd");
        var invoice = Assert.Single(Billing(host).BillInvoices(1, customer, 10m));

        using var response = await PutAsync(
            host, new PaymentUpsertRequest("a0PSF0000005", customer, invoice.Id, 5m, null, null));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("NetSuite:Payments:ArAccountId", body, StringComparison.Ordinal);
        Assert.Equal(0, host.Calls.Get(PutPayment));
    }

    private static async Task<PaymentUpsertResult> UpsertAsync(NetSuiteTestHost host, PaymentUpsertRequest request)
    {
        using var response = await PutAsync(host, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PaymentUpsertResult>(TestContext.Current.CancellationToken))!;
    }

    private static Task<HttpResponseMessage> PutAsync(NetSuiteTestHost host, PaymentUpsertRequest request) =>
        host.SapiClient.PutAsJsonAsync("payments", request, TestContext.Current.CancellationToken);
}
