using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class OAuthTokenTests
{
    [Fact]
    public async Task Token_ValidClientCredentials_ReturnsSalesforceBody()
    {
        await using var emulator = await EmulatorHost.StartAsync();

        using var response = await emulator.RequestTokenAsync(
            EmulatorHost.IntegrationClientId, EmulatorHost.IntegrationClientSecret);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accessToken = body!["access_token"]!.GetValue<string>();
        var identityUrl = body["id"]!.GetValue<string>();
        var issuedAt = body["issued_at"]!.GetValue<string>();
        Assert.StartsWith(emulator.Sessions.OrgId[..15] + "!", accessToken, StringComparison.Ordinal);
        Assert.Equal(emulator.BaseAddress.GetLeftPart(UriPartial.Authority), body["instance_url"]!.GetValue<string>());
        Assert.Contains($"/id/{emulator.Sessions.OrgId}/005", identityUrl, StringComparison.Ordinal);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal("api", body["scope"]!.GetValue<string>());
        Assert.True(long.TryParse(issuedAt, out _), $"issued_at is not epoch milliseconds: {issuedAt}");

        var expectedSignature = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(EmulatorHost.IntegrationClientSecret),
            Encoding.UTF8.GetBytes(identityUrl + issuedAt)));
        Assert.Equal(expectedSignature, body["signature"]!.GetValue<string>());
        Assert.NotNull(emulator.Sessions.Validate(accessToken));
    }

    [Fact]
    public async Task Token_WrongSecret_ReturnsInvalidClient()
    {
        await using var emulator = await EmulatorHost.StartAsync();

        using var response = await emulator.RequestTokenAsync(EmulatorHost.IntegrationClientId, "wrong-secret");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_client", body!["error"]!.GetValue<string>());
        Assert.Equal("invalid client credentials", body["error_description"]!.GetValue<string>());
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task Token_UnknownClientId_ReturnsInvalidClientId()
    {
        await using var emulator = await EmulatorHost.StartAsync();

        using var response = await emulator.RequestTokenAsync("no-such-client", "secret");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_client_id", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_PasswordGrant_ReturnsUnsupportedGrantType()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = EmulatorHost.IntegrationClientId,
        });

        using var response = await client.PostAsync(
            new Uri("services/oauth2/token", UriKind.Relative), form, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_ConfiguredClient_ReplacesDefaults()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SalesforceEmulator:Clients:0:ClientId"] = "custom-app",
            ["SalesforceEmulator:Clients:0:ClientSecret"] = "custom-secret",
            ["SalesforceEmulator:Clients:0:Username"] = "custom@daprsync.example",
        };
        await using var emulator = await EmulatorHost.StartAsync(settings: settings);

        using var custom = await emulator.RequestTokenAsync("custom-app", "custom-secret");
        using var defaultClient = await emulator.RequestTokenAsync(
            EmulatorHost.IntegrationClientId, EmulatorHost.IntegrationClientSecret);

        Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, defaultClient.StatusCode);
    }

    [Fact]
    public async Task Options_ClientWithoutSecret_FailsAtStartNamingKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SalesforceEmulator:Clients:0:ClientId"] = "custom-app",
            ["SalesforceEmulator:Clients:0:Username"] = "custom@daprsync.example",
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => EmulatorHost.StartAsync(settings: settings));

        Assert.Contains("SalesforceEmulator:Clients:0:ClientSecret", error.Message, StringComparison.Ordinal);
    }
}
