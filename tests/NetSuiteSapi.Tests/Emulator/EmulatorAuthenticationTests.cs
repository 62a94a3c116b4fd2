using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DaprSync.NetSuiteSapi.Auth;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.NetSuiteSapi.Tests.Emulator;

public sealed class EmulatorAuthenticationTests
{
    private const string CustomerPath = "services/rest/record/v1/customer/eid:NOPE";

    [Fact]
    public async Task Get_ValidSignature_PassesAuthentication()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);

        var response = await host.EmulatorClient.GetAsync(CustomerPath, TestContext.Current.CancellationToken);

        // NetSuite's 404 body comes from the record lookup, so authentication let the call through.
        await AssertRecordNotFoundAsync(response);
    }

    [Fact]
    public async Task Get_WrongSignature_Returns401InvalidLogin()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var header = SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), Now());
        var tampered = header.Replace("oauth_signature=\"", "oauth_signature=\"x", StringComparison.Ordinal);

        var response = await SendAsync(host, HttpMethod.Get, CustomerPath, tampered);

        await AssertInvalidLoginAsync(response);
    }

    [Fact]
    public async Task Get_HmacSha1Signature_Returns401InvalidLogin()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var uri = new Uri(host.Emulator.BaseAddress, CustomerPath);
        var oauth = OAuthParameters("HMAC-SHA1", Nonce(), Now());
        var baseString = TbaSigner.CreateBaseString(HttpMethod.Get, uri, oauth);
        var key = Encoding.UTF8.GetBytes(
            Rfc3986.Encode(NetSuiteTestHost.ConsumerSecret) + "&" + Rfc3986.Encode(NetSuiteTestHost.TokenSecret));
        oauth["oauth_signature"] = Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(baseString)));

        var response = await SendAsync(host, HttpMethod.Get, CustomerPath, Header(NetSuiteTestHost.AccountId, oauth));

        await AssertInvalidLoginAsync(response);
    }

    [Fact]
    public async Task Get_ReusedNonce_SecondCallReturns401()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var header = SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), Now());

        var first = await SendAsync(host, HttpMethod.Get, CustomerPath, header);
        var replay = await SendAsync(host, HttpMethod.Get, CustomerPath, header);

        await AssertRecordNotFoundAsync(first);
        await AssertInvalidLoginAsync(replay);
    }

    [Fact]
    public async Task Get_StaleTimestamp_Returns401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false, emulatorTime: clock);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();

        var fresh = await SendAsync(host, HttpMethod.Get, CustomerPath,
            SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), now - 60));
        var stale = await SendAsync(host, HttpMethod.Get, CustomerPath,
            SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), now - 3600));
        var future = await SendAsync(host, HttpMethod.Get, CustomerPath,
            SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), now + 3600));

        await AssertRecordNotFoundAsync(fresh);
        await AssertInvalidLoginAsync(stale);
        await AssertInvalidLoginAsync(future);
    }

    [Fact]
    public async Task Get_RealmInHostForm_Returns401()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var header = SignedHeader(host, HttpMethod.Get, CustomerPath, Nonce(), Now())
            .Replace("realm=\"1234567_SB1\"", "realm=\"1234567-sb1\"", StringComparison.Ordinal);

        var response = await SendAsync(host, HttpMethod.Get, CustomerPath, header);

        await AssertInvalidLoginAsync(response);
    }

    [Fact]
    public async Task Get_NoAuthorizationHeader_Returns401()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        using var client = new HttpClient { BaseAddress = host.Emulator.BaseAddress };

        var response = await client.GetAsync(CustomerPath, TestContext.Current.CancellationToken);

        await AssertInvalidLoginAsync(response);
    }

    [Fact]
    public async Task Get_QueryChangedAfterSigning_Returns401()
    {
        await using var host = await NetSuiteTestHost.StartAsync(withSapi: false);
        var header = SignedHeader(host, HttpMethod.Get, CustomerPath + "?expandSubResources=true", Nonce(), Now());

        var response = await SendAsync(host, HttpMethod.Get, CustomerPath + "?expandSubResources=false", header);

        await AssertInvalidLoginAsync(response);
    }

    private static async Task AssertRecordNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        var detail = body.RootElement.GetProperty("o:errorDetails")[0];
        Assert.Equal("NONEXISTENT_ID", detail.GetProperty("o:errorCode").GetString());
    }

    private static async Task AssertInvalidLoginAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        var detail = body.RootElement.GetProperty("o:errorDetails")[0];
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("INVALID_LOGIN", detail.GetProperty("o:errorCode").GetString());
        Assert.StartsWith("Invalid login attempt.", detail.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string SignedHeader(
        NetSuiteTestHost host, HttpMethod method, string path, string nonce, long timestamp) =>
        new TbaSigner(NetSuiteTestHost.Credentials)
            .CreateAuthorizationHeader(method, new Uri(host.Emulator.BaseAddress, path), nonce, timestamp);

    private static Dictionary<string, string> OAuthParameters(
        string signatureMethod, string nonce, long timestamp) => new()
    {
        ["oauth_consumer_key"] = NetSuiteTestHost.ConsumerKey,
        ["oauth_nonce"] = nonce,
        ["oauth_signature_method"] = signatureMethod,
        ["oauth_timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        ["oauth_token"] = NetSuiteTestHost.TokenId,
        ["oauth_version"] = "1.0",
    };

    private static string Header(string realm, Dictionary<string, string> oauth) =>
        $"OAuth realm=\"{realm}\", "
        + string.Join(", ", oauth.Select(pair => $"{pair.Key}=\"{Rfc3986.Encode(pair.Value)}\""));

    private static async Task<HttpResponseMessage> SendAsync(
        NetSuiteTestHost host, HttpMethod method, string path, string authorization)
    {
        using var client = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Nonce() => TbaHandler.CreateNonce();

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
}
