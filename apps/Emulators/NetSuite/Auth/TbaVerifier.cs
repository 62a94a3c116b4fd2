using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteEmulator.Auth;

/// <summary>
/// Verifies the OAuth 1.0a Token-Based Authentication header of a REST call as NetSuite does. The header must use
/// HMAC-SHA256 (NetSuite rejects HMAC-SHA1 since release 2023.1), the account's realm and the configured consumer
/// key and token. Its timestamp must be near the emulator's clock, its nonce unused, and its signature must match
/// the one recomputed over the request.
/// </summary>
/// <remarks>
/// This code is written apart from the System API's signer on purpose, so a mistake in one side's base string makes
/// the tests fail instead of being mirrored by the other side.
/// </remarks>
internal sealed class TbaVerifier(
    IOptions<NetSuiteEmulatorOptions> options,
    TimeProvider timeProvider,
    NonceRegistry nonces)
{
    /// <summary>Returns null when the request is authenticated, otherwise the reason it is not, for the log.</summary>
    public string? Verify(HttpRequest request)
    {
        var settings = options.Value;
        var parameters = OAuthHeader.TryParse(request.Headers.Authorization.ToString());
        if (parameters is null)
        {
            return "the Authorization header is missing or is not a valid OAuth header";
        }

        var failure = CheckParameters(parameters, settings);
        if (failure is not null)
        {
            return failure;
        }

        var expected = ComputeSignature(request, parameters, settings);
        if (!SignatureMatches(parameters["oauth_signature"], expected))
        {
            return "the signature does not match the request";
        }

        var retention = TimeSpan.FromSeconds(settings.TimestampToleranceSeconds * 2);
        return nonces.TryUse(settings.TokenId, parameters["oauth_nonce"], retention)
            ? null
            : "the nonce was already used";
    }

    private string? CheckParameters(IReadOnlyDictionary<string, string> parameters, NetSuiteEmulatorOptions settings)
    {
        string[] required =
            ["realm", "oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp",
             "oauth_nonce", "oauth_signature"];
        var missing = required.FirstOrDefault(
            name => !parameters.TryGetValue(name, out var value) || value.Length == 0);
        if (missing is not null)
        {
            return $"the OAuth parameter {missing} is missing";
        }

        if (!string.Equals(parameters["realm"], settings.Realm, StringComparison.Ordinal))
        {
            return $"the realm {parameters["realm"]} is not the account's realm {settings.Realm}";
        }

        if (parameters["oauth_signature_method"] != "HMAC-SHA256")
        {
            return $"the signature method {parameters["oauth_signature_method"]} is not supported";
        }

        if (parameters.TryGetValue("oauth_version", out var version) && version != "1.0")
        {
            return $"the OAuth version {version} is not supported";
        }

        if (parameters["oauth_consumer_key"] != settings.ConsumerKey)
        {
            return "the consumer key is unknown";
        }

        if (parameters["oauth_token"] != settings.TokenId)
        {
            return "the token is unknown";
        }

        var timestamp = parameters["oauth_timestamp"];
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "the timestamp is not a number of seconds";
        }

        var skew = Math.Abs(timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds);
        return skew > settings.TimestampToleranceSeconds
            ? $"the timestamp is {skew} seconds away from the server clock"
            : null;
    }

    private static string ComputeSignature(
        HttpRequest request,
        IReadOnlyDictionary<string, string> parameters,
        NetSuiteEmulatorOptions settings)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (var (name, values) in request.Query)
        {
            pairs.AddRange(values.Select(value => (Rfc3986.Encode(name), Rfc3986.Encode(value ?? ""))));
        }

        pairs.AddRange(parameters
            .Where(p => p.Key != "realm" && p.Key != "oauth_signature")
            .Select(p => (Rfc3986.Encode(p.Key), Rfc3986.Encode(p.Value))));

        var normalized = string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

        var baseString = request.Method.ToUpperInvariant() + "&" + Rfc3986.Encode(BaseUri(request)) + "&"
            + Rfc3986.Encode(normalized);
        var key = Rfc3986.Encode(settings.ConsumerSecret) + "&" + Rfc3986.Encode(settings.TokenSecret);

        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(baseString));
        return Convert.ToBase64String(hash);
    }

    /// <summary>Scheme and host in lower case, the port only when it is not the scheme's default, and the
    /// path.</summary>
    private static string BaseUri(HttpRequest request)
    {
        var scheme = request.Scheme.ToLowerInvariant();
        var port = request.Host.Port;
        var defaultPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
        var authority = request.Host.Host.ToLowerInvariant() + (port is null || defaultPort ? "" : ":" + port);
        return scheme + "://" + authority + (request.PathBase + request.Path).ToUriComponent();
    }

    private static bool SignatureMatches(string presented, string expected)
    {
        var presentedBytes = Encoding.ASCII.GetBytes(presented);
        var expectedBytes = Encoding.ASCII.GetBytes(expected);
        return CryptographicOperations.FixedTimeEquals(presentedBytes, expectedBytes);
    }
}
