using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using DaprSync.SalesforceEmulator.Limits;
using DaprSync.SalesforceSapi.Tests.Emulator;

namespace DaprSync.SalesforceSapi.Tests.Sapi;

public sealed class JwtBearerTests : IDisposable
{
    private const string Username = "integration@daprsync.example";

    private readonly string directory = Directory.CreateTempSubdirectory("daprsync-jwt-").FullName;

    [Fact]
    public async Task JwtBearer_SignedAssertion_ReadsAccount()
    {
        using var key = RSA.Create(2048);
        await using var host = await StartAsync(key, signingKey: key, Username);
        var id = SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Signed In" });

        var account = await host.Client.GetAccountAsync(id, EmulatorHost.Cancel);

        Assert.Equal("Signed In", account.Name);
        Assert.Equal(1, host.Emulator.Usage.Count(ApiEndpoints.OAuthToken));
    }

    [Theory]
    [InlineData(true, "someone.else@daprsync.example", "user hasn't approved this consumer")]
    [InlineData(false, Username, "invalid assertion")]
    public async Task JwtBearer_RejectedAssertion_Returns503WithOAuthError(
        bool signWithAppKey,
        string username,
        string expectedDescription)
    {
        using var appKey = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        await using var host = await StartAsync(appKey, signWithAppKey ? appKey : otherKey, username);
        var id = SoqlQueryTests.Seed(host.Emulator, "Account", new() { ["Name"] = "Locked Out" });

        var uri = new Uri($"accounts/{id}", UriKind.Relative);
        using var response = await host.Http.GetAsync(uri, EmulatorHost.Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(EmulatorHost.Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("invalid_grant", problem!["errorCode"]!.GetValue<string>());
        Assert.Contains(expectedDescription, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.Usage.Count(ApiEndpoints.Query));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // The emulator trusts a self-signed certificate of the app key, and sf-sapi signs with signingKey.
    private async Task<SapiHost> StartAsync(RSA appKey, RSA signingKey, string username)
    {
        var request = new CertificateRequest(
            "CN=daprsync-integration", appKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var certificatePath = Path.Combine(directory, "app.crt");
        var privateKeyPath = Path.Combine(directory, "app.key");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem(), EmulatorHost.Cancel);
        await File.WriteAllTextAsync(privateKeyPath, signingKey.ExportPkcs8PrivateKeyPem(), EmulatorHost.Cancel);

        var emulatorSettings = new Dictionary<string, string?>
        {
            ["SalesforceEmulator:Clients:0:ClientId"] = EmulatorHost.IntegrationClientId,
            ["SalesforceEmulator:Clients:0:ClientSecret"] = EmulatorHost.IntegrationClientSecret,
            ["SalesforceEmulator:Clients:0:Username"] = Username,
            ["SalesforceEmulator:Clients:0:IsIntegrationUser"] = "true",
            ["SalesforceEmulator:Clients:0:CertificatePath"] = certificatePath,
        };
        var sapiSettings = new Dictionary<string, string?>
        {
            ["Salesforce:AuthFlow"] = "JwtBearer",
            ["Salesforce:ClientSecret"] = "",
            ["Salesforce:Username"] = username,
            ["Salesforce:PrivateKeyPath"] = privateKeyPath,
        };
        return await SapiHost.StartAsync(extraSettings: sapiSettings, emulatorSettings: emulatorSettings);
    }
}
