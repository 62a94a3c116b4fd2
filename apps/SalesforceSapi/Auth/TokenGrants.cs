using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceSapi.Auth;

/// <summary>The form fields of a token request for one OAuth 2.0 grant type.</summary>
internal interface ITokenGrant
{
    IReadOnlyDictionary<string, string> CreateForm();
}

/// <summary>The client credentials grant: consumer key and consumer secret.</summary>
internal sealed class ClientCredentialsGrant(IOptions<SalesforceOptions> options) : ITokenGrant
{
    public IReadOnlyDictionary<string, string> CreateForm() => new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = options.Value.ClientId,
        ["client_secret"] = options.Value.ClientSecret,
    };
}

/// <summary>
/// The JWT bearer grant: an RS256 assertion with <c>iss</c> = consumer key, <c>sub</c> = username,
/// <c>aud</c> = login URL and <c>exp</c> three minutes ahead, the longest lifetime Salesforce accepts.
/// </summary>
internal sealed class JwtBearerGrant(IOptions<SalesforceOptions> options, TimeProvider timeProvider) : ITokenGrant
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public IReadOnlyDictionary<string, string> CreateForm() => new Dictionary<string, string>
    {
        ["grant_type"] = GrantType,
        ["assertion"] = CreateAssertion(),
    };

    private string CreateAssertion()
    {
        var settings = options.Value;
        var headerJson = new Dictionary<string, string> { ["alg"] = "RS256" };
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(headerJson));
        var claims = new Dictionary<string, object>
        {
            ["iss"] = settings.ClientId,
            ["sub"] = settings.Username,
            ["aud"] = settings.LoginUrl.TrimEnd('/'),
            ["exp"] = timeProvider.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(),
        };
        var signingInput = header + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));

        // The key file is read on every token request, so a rotated key takes effect without a restart.
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(settings.PrivateKeyPath));
        var signature = key.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
