using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class JwtBearerTokenTests : IDisposable
{
    private const string Username = "integration@daprsync.example";

    private readonly string directory = Directory.CreateTempSubdirectory("daprsync-jwt-").FullName;
    private readonly RSA key = RSA.Create(2048);

    [Theory]
    [InlineData("daprsync-integration", Username, "", 120, HttpStatusCode.OK, null)]
    [InlineData("daprsync-integration", Username, "", -10, HttpStatusCode.BadRequest, "expired authorization code")]
    [InlineData("daprsync-integration", Username, "https://login.example", 120, HttpStatusCode.BadRequest,
        "audience is invalid")]
    [InlineData("unknown-app", Username, "", 120, HttpStatusCode.BadRequest, "client identifier invalid")]
    [InlineData("daprsync-loader", "loader@daprsync.example", "", 120, HttpStatusCode.BadRequest, "invalid assertion")]
    public async Task Token_JwtAssertion_ChecksClaims(
        string issuer,
        string subject,
        string audience,
        int expiresInSeconds,
        HttpStatusCode expectedStatus,
        string? expectedDescription)
    {
        var publicKeyPath = Path.Combine(directory, "app.pub");
        await File.WriteAllTextAsync(publicKeyPath, key.ExportSubjectPublicKeyInfoPem(), EmulatorHost.Cancel);
        await using var emulator = await EmulatorHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["SalesforceEmulator:Clients:0:ClientId"] = "daprsync-integration",
            ["SalesforceEmulator:Clients:0:ClientSecret"] = "secret",
            ["SalesforceEmulator:Clients:0:Username"] = Username,
            ["SalesforceEmulator:Clients:0:CertificatePath"] = publicKeyPath,
            ["SalesforceEmulator:Clients:1:ClientId"] = "daprsync-loader",
            ["SalesforceEmulator:Clients:1:ClientSecret"] = "secret",
            ["SalesforceEmulator:Clients:1:Username"] = "loader@daprsync.example",
        });
        var aud = audience.Length > 0 ? audience : emulator.BaseAddress.ToString().TrimEnd('/');
        var exp = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds).ToUnixTimeSeconds();
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = Sign(new { iss = issuer, sub = subject, aud, exp }),
        });

        using var response = await client.PostAsync(
            new Uri("services/oauth2/token", UriKind.Relative), form, EmulatorHost.Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(expectedStatus, response.StatusCode);
        if (expectedDescription is null)
        {
            Assert.NotNull(emulator.Sessions.Find(body!["access_token"]!.GetValue<string>()));
            return;
        }

        Assert.Equal(expectedDescription, body!["error_description"]!.GetValue<string>());
    }

    public void Dispose()
    {
        key.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private string Sign(object claims)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(
            Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
