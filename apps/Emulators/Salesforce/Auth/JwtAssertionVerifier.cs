using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace DaprSync.SalesforceEmulator.Auth;

/// <summary>
/// Checks a JWT bearer assertion as Salesforce does: RS256 signature against the connected app's certificate,
/// <c>iss</c> = consumer key, <c>sub</c> = the app's user, <c>aud</c> = the login URL, and <c>exp</c> not passed.
/// </summary>
internal sealed class JwtAssertionVerifier(SessionStore sessions, TimeProvider timeProvider)
{
    /// <summary>
    /// Returns the client the assertion signs in, or the OAuth error and description to return with HTTP 400.
    /// <paramref name="audiences"/> lists the accepted <c>aud</c> values.
    /// </summary>
    public (EmulatorClient? Client, string? Error, string? Description) Verify(
        string assertion,
        IReadOnlyCollection<string> audiences)
    {
        var parts = assertion.Split('.');
        JsonElement claims;
        try
        {
            if (parts.Length != 3)
            {
                return (null, "invalid_grant", "invalid assertion");
            }

            claims = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return (null, "invalid_grant", "invalid assertion");
        }

        var issuer = Claim(claims, "iss");
        var client = sessions.Clients.FirstOrDefault(candidate => candidate.ClientId == issuer);
        if (client is null)
        {
            return (null, "invalid_client_id", "client identifier invalid");
        }

        if (string.IsNullOrEmpty(client.CertificatePath) || !HasValidSignature(parts, client.CertificatePath))
        {
            return (null, "invalid_grant", "invalid assertion");
        }

        if (!audiences.Contains(Claim(claims, "aud")?.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            return (null, "invalid_grant", "audience is invalid");
        }

        var expires = claims.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? seconds : 0;
        if (timeProvider.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return (null, "invalid_grant", "expired authorization code");
        }

        return string.Equals(Claim(claims, "sub"), client.Username, StringComparison.OrdinalIgnoreCase)
            ? (client, null, null)
            : (null, "invalid_grant", "user hasn't approved this consumer");
    }

    private static bool HasValidSignature(string[] parts, string certificatePath)
    {
        try
        {
            using var key = LoadPublicKey(File.ReadAllText(certificatePath));
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            return key.VerifyData(
                signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RSA LoadPublicKey(string pem)
    {
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey()
                ?? throw new InvalidOperationException("The client certificate has no RSA public key.");
        }

        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }

    private static string? Claim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
