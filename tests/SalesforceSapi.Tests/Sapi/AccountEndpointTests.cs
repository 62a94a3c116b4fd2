using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceEmulator.Limits;
using Refit;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class AccountEndpointTests
{
    [Fact]
    public async Task GetAccount_Child_ReturnsParentNetSuiteId()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var parentId = await EmulatorHost.CreateAsync(
            loader, "Account", new { Name = "Parent Co", NetSuite_Id__c = "812" });
        var childId = await EmulatorHost.CreateAsync(loader, "Account", new
        {
            Name = "Child Co",
            AccountNumber = "CHILD",
            ParentId = parentId,
            Payment_Terms__c = "Net 30",
            Credit_Limit__c = 2500m,
            Tax_Id__c = "DE123",
            DUNS_Number__c = "150483782",
            Shipping_Carrier__c = "UPS",
            Phone = "030-0074321",
            BillingStreet = "Obere Str. 57",
            BillingCity = "Berlin",
            BillingPostalCode = "12209",
            BillingCountry = "Germany",
        });

        var account = await host.Client.GetAccountAsync(childId, EmulatorHost.Cancel);

        Assert.Equal(childId, account.Id);
        Assert.Equal("Child Co", account.Name);
        Assert.Equal("CHILD", account.AccountNumber);
        Assert.Equal(parentId, account.ParentId);
        Assert.Equal("812", account.ParentNetSuiteId);
        Assert.Null(account.NetSuiteId);
        Assert.Equal("Net 30", account.PaymentTerms);
        Assert.Equal(2500m, account.CreditLimit);
        Assert.Equal("DE123", account.TaxId);
        Assert.Equal("150483782", account.DunsNumber);
        Assert.Equal("UPS", account.ShippingCarrier);
        Assert.Equal(new PostalAddress("Obere Str. 57", "Berlin", null, "12209", "Germany"), account.BillingAddress);
        Assert.Null(account.ShippingAddress);
        Assert.NotNull(account.LastModifiedDate);
    }

    [Fact]
    public async Task GetAccount_ShortId_ReturnsLongId()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Short id" });

        var account = await host.Client.GetAccountAsync(id[..15], EmulatorHost.Cancel);

        Assert.Equal(id, account.Id);
        Assert.Null(account.ParentNetSuiteId);
        Assert.Null(account.BillingAddress);
    }

    [Fact]
    public async Task GetAccount_InvalidId_Returns400NamingValue()
    {
        await using var host = await SapiHost.StartAsync();

        using var response = await host.Http.GetAsync(
            new Uri("accounts/not-an-id", UriKind.Relative), EmulatorHost.Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'not-an-id'", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));
    }

    [Fact]
    public async Task GetAccount_Unknown_Returns404()
    {
        await using var host = await SapiHost.StartAsync();

        var error = await Assert.ThrowsAnyAsync<ApiException>(
            () => host.Client.GetAccountAsync("001Dk0000000999", EmulatorHost.Cancel));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("001Dk0000000999", error.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSync_Synced_StoresFieldsAsIntegrationUser()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(
            loader, "Account", new { Name = "Writeback", Sync_Error__c = "old error" });

        await host.Client.UpdateAccountSyncAsync(
            id, new AccountSyncUpdate("4711", SyncStatus.Synced, null), EmulatorHost.Cancel);

        var stored = host.Emulator.Records.Get("Account", id)!;
        Assert.Equal("4711", stored["NetSuite_Id__c"]);
        Assert.Equal("Synced", stored["Sync_Status__c"]);
        Assert.Null(stored["Sync_Error__c"]);
        Assert.Equal(host.Emulator.Sessions.UserIdOf("integration@daprsync.example"), stored["LastModifiedById"]);
    }

    [Fact]
    public async Task UpdateSync_NullId_KeepsIdTruncatesError()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Failing", NetSuite_Id__c = "99" });
        var longError = new string('e', 300);

        await host.Client.UpdateAccountSyncAsync(
            id, new AccountSyncUpdate(null, SyncStatus.Failed, longError), EmulatorHost.Cancel);

        var stored = host.Emulator.Records.Get("Account", id)!;
        Assert.Equal("99", stored["NetSuite_Id__c"]);
        Assert.Equal("Failed", stored["Sync_Status__c"]);
        Assert.Equal(new string('e', 255), stored["Sync_Error__c"]);
    }

    [Fact]
    public async Task UpdateSync_DuplicateNetSuiteId_Returns422()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Holder", NetSuite_Id__c = "500" });
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Clash" });

        using var response = await host.Http.PatchAsJsonAsync(
            $"accounts/{id}/sync", new AccountSyncUpdate("500", SyncStatus.Synced, null), EmulatorHost.Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("DUPLICATE_VALUE", problem!["errorCode"]!.GetValue<string>());
        Assert.Null(host.Emulator.Records.Get("Account", id)!["Sync_Status__c"]);
    }

    [Fact]
    public async Task UpdateSync_UnknownAccount_Returns404()
    {
        await using var host = await SapiHost.StartAsync();

        using var response = await host.Http.PatchAsJsonAsync(
            "accounts/001Dk0000000999/sync", new AccountSyncUpdate("1", SyncStatus.Synced, null), EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
