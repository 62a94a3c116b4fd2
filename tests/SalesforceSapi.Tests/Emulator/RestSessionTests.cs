using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class RestSessionTests
{
    [Fact]
    public async Task Rest_MissingBearer_ReturnsInvalidSessionId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(emulator.BaseAddress, EmulatorHost.DataPath) };

        using var response = await client.GetAsync(
            new Uri("sobjects/Account/001Dk000000000", UriKind.Relative), EmulatorHost.Cancel);

        await AssertInvalidSessionAsync(response);
    }

    [Fact]
    public async Task Rest_UnknownToken_ReturnsInvalidSessionId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(emulator.BaseAddress, EmulatorHost.DataPath) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "00D!not-a-token");

        using var response = await client.PostAsync(
            new Uri("sobjects/Account", UriKind.Relative), new StringContent("{\"Name\":\"A\"}"), EmulatorHost.Cancel);

        await AssertInvalidSessionAsync(response);
        Assert.Empty(emulator.Records.All("Account"));
    }

    [Fact]
    public async Task Rest_ExpiredSession_ReturnsInvalidSessionId()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Before expiry" });

        var expired = emulator.Sessions.ExpireAll();
        using var response = await rest.GetAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative), EmulatorHost.Cancel);

        Assert.Equal(1, expired);
        await AssertInvalidSessionAsync(response);
    }

    [Fact]
    public async Task Rest_SessionPastTimeout_ReturnsInvalidSessionId()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorHost.StartAsync(
            builder => builder.Services.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["SalesforceEmulator:SessionTimeoutMinutes"] = "30" });
        using var rest = await emulator.CreateRestClientAsync();
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Clocked" });

        clock.Advance(TimeSpan.FromMinutes(29));
        using var beforeTimeout = await rest.GetAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative), EmulatorHost.Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        using var afterTimeout = await rest.GetAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative), EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.OK, beforeTimeout.StatusCode);
        await AssertInvalidSessionAsync(afterTimeout);
        Assert.Equal("2026-12-04T09:00:00.000+0000", JsonNode.Parse(
            await beforeTimeout.Content.ReadAsStringAsync(EmulatorHost.Cancel))!["CreatedDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rest_OAuthScheme_IsAccepted()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var token = rest.DefaultRequestHeaders.Authorization!.Parameter;
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("OAuth", token);

        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "OAuth scheme" });

        Assert.NotNull(emulator.Records.Get("Account", id));
    }

    [Fact]
    public async Task AdminExpire_ActiveSession_EndsIt()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        using var admin = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var expire = await admin.PostAsync(
            new Uri("admin/sessions/expire", UriKind.Relative), null, EmulatorHost.Cancel);
        using var response = await rest.GetAsync(
            new Uri("sobjects/Account/001Dk0000000001", UriKind.Relative), EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rest_MalformedVersion_ReturnsNotFound()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();

        using var response = await rest.GetAsync(
            new Uri(emulator.BaseAddress, "services/data/latest/sobjects/Account/001Dk0000000001"),
            EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, emulator.Usage.DailyUsed);
    }

    [Fact]
    public async Task Rest_AnyVersion_IsAccepted()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var rest = await emulator.CreateRestClientAsync();
        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Versioned" });

        using var response = await rest.GetAsync(
            new Uri(emulator.BaseAddress, $"services/data/v58.0/sobjects/Account/{id}"), EmulatorHost.Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(EmulatorHost.Cancel))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/services/data/v58.0/sobjects/Account/{id}", body["attributes"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rest_Calls_AreCountedAndLimited()
    {
        await using var emulator = await EmulatorHost.StartAsync(
            settings: new Dictionary<string, string?> { ["SalesforceEmulator:DailyApiRequestLimit"] = "3" });
        using var rest = await emulator.CreateRestClientAsync();

        var id = await EmulatorHost.CreateAsync(rest, "Account", new { Name = "Counted" });
        using var get = await rest.GetAsync(new Uri($"sobjects/Account/{id}", UriKind.Relative), EmulatorHost.Cancel);
        using var update = await rest.PatchAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative),
            new StringContent("{\"Phone\":\"1\"}"),
            EmulatorHost.Cancel);
        using var overLimit = await rest.GetAsync(
            new Uri($"sobjects/Account/{id}", UriKind.Relative), EmulatorHost.Cancel);

        Assert.Equal("api-usage=2/3", string.Join(',', get.Headers.GetValues("Sforce-Limit-Info")));
        Assert.Equal("api-usage=3/3", string.Join(',', update.Headers.GetValues("Sforce-Limit-Info")));
        Assert.Equal(HttpStatusCode.Forbidden, overLimit.StatusCode);
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", await overLimit.Content.ReadAsStringAsync(
            EmulatorHost.Cancel), StringComparison.Ordinal);
        Assert.Equal(1, emulator.Usage.Count(ApiEndpoints.SObjectCreate));
        Assert.Equal(1, emulator.Usage.Count(ApiEndpoints.SObjectGet));
        Assert.Equal(1, emulator.Usage.Count(ApiEndpoints.SObjectUpdate));
        Assert.Equal(1, emulator.Usage.Count(ApiEndpoints.OAuthToken));
        Assert.Equal(3, emulator.Usage.DailyUsed);
    }

    private static async Task AssertInvalidSessionAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(EmulatorHost.Cancel))!.AsArray();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(body);
        Assert.Equal("INVALID_SESSION_ID", body[0]!["errorCode"]!.GetValue<string>());
        Assert.Equal("Session expired or invalid", body[0]!["message"]!.GetValue<string>());
    }
}
