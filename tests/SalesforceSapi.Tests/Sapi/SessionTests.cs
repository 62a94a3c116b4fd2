using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DaprSync.Contracts.Salesforce;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Auth;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class SessionTests
{
    [Fact]
    public async Task Session_ExpiredMidRun_ReauthenticatesOnceAndSucceeds()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Expiring" });
        await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);
        var tokensBefore = host.Emulator.Usage.Count(ApiEndpoints.OAuthToken);

        host.Emulator.Sessions.ExpireAll();
        var account = await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);

        Assert.Equal("Expiring", account.Name);
        Assert.Equal(tokensBefore + 1, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));
    }

    [Fact]
    public async Task Session_ExpiredBeforeUpdate_RetriesPatchWithBody()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Retried" });
        await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);
        var updatesBefore = host.Emulator.Usage.Count(ApiEndpoints.SObjectUpdate);

        host.Emulator.Sessions.ExpireAll();
        await host.Client.UpdateAccountSyncAsync(
            id, new AccountSyncUpdate("900", SyncStatus.Synced, null), EmulatorHost.Cancel);

        Assert.Equal("900", host.Emulator.Records.Get("Account", id)!["NetSuite_Id__c"]);
        Assert.Equal(updatesBefore + 1, host.Emulator.Usage.Count(ApiEndpoints.SObjectUpdate));
    }

    [Fact]
    public async Task Session_ConcurrentCallers_ShareOneTokenRequest()
    {
        await using var host = await SapiHost.StartAsync();
        using var loader = await host.Emulator.CreateRestClientAsync(asIntegrationUser: false);
        var id = await EmulatorHost.CreateAsync(loader, "Account", new { Name = "Shared" });
        var loaderTokens = host.Emulator.Usage.Count(ApiEndpoints.OAuthToken);

        var reads = Enumerable.Range(0, 20).Select(_ => host.Client.GetAccountAsync(id, EmulatorHost.Cancel));
        var accounts = await Task.WhenAll(reads);

        Assert.All(accounts, account => Assert.Equal("Shared", account.Name));
        Assert.Equal(loaderTokens + 1, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));
    }

    [Fact]
    public async Task Session_RefreshWithReplacedToken_ReturnsReplacement()
    {
        await using var host = await SapiHost.StartAsync();
        var session = host.App.Services.GetRequiredService<ISalesforceSession>();

        var first = await session.GetAsync(EmulatorHost.Cancel);
        var refreshed = await Task.WhenAll(
            session.RefreshAsync(first, EmulatorHost.Cancel),
            session.RefreshAsync(first, EmulatorHost.Cancel));
        var again = await session.RefreshAsync(first, EmulatorHost.Cancel);

        Assert.NotEqual(first.AccessToken, refreshed[0].AccessToken);
        Assert.Equal(refreshed[0].AccessToken, refreshed[1].AccessToken);
        Assert.Equal(refreshed[0].AccessToken, again.AccessToken);
        Assert.Equal(2, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));
        Assert.Equal(host.Emulator.Sessions.OrgId, first.OrgId);
        var emulatorAuthority = host.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(emulatorAuthority, first.InstanceUrl.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task Session_WrongSecret_Returns503WithInvalidClient()
    {
        await using var host = await SapiHost.StartAsync(clientSecret: "wrong-secret");

        using var response = await host.Http.GetAsync(
            new Uri("accounts/001Dk0000000001", UriKind.Relative), EmulatorHost.Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("invalid_client", problem!["errorCode"]!.GetValue<string>());
        Assert.DoesNotContain("wrong-secret", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_LoginHostDown_Returns503()
    {
        // A loopback server that is started and stopped again leaves a port with nothing listening.
        var stopped = await LoopbackApp.StartAsync(_ => { }, _ => { });
        var deadUrl = stopped.BaseAddress.ToString();
        await stopped.DisposeAsync();
        await using var host = await SapiHost.StartAsync(loginUrl: deadUrl);

        using var response = await host.Http.GetAsync(
            new Uri("accounts/001Dk0000000001", UriKind.Relative), EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("Salesforce:LoginUrl", "not a url")]
    [InlineData("Salesforce:ClientId", "")]
    [InlineData("Salesforce:ApiVersion", "v62")]
    public async Task Options_InvalidSetting_FailsAtStartNamingKey(string key, string value)
    {
        var settings = SapiHost.SettingsFor("http://127.0.0.1:9/", "secret");
        settings[key] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackApp.StartAsync(
            builder => builder.AddSalesforceSapi(),
            app => app.MapSalesforceSapi(),
            settings: settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
