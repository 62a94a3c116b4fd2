using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DaprSync.NetSuiteEmulator.Auth;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteEmulator.Soap;

/// <summary>
/// Verifies the <c>tokenPassport</c> header of a SOAP call: account in realm form, the configured consumer key and
/// token, HMAC-SHA256, a timestamp near the clock, an unused nonce, and base64(HMAC-SHA256) of
/// <c>account&amp;consumerKey&amp;token&amp;nonce&amp;timestamp</c> keyed by <c>consumerSecret&amp;tokenSecret</c>.
/// Written apart from ns-sapi's signer so a mistake on one side is not mirrored by the other.
/// </summary>
internal sealed class TokenPassportVerifier(
    IOptions<NetSuiteEmulatorOptions> options,
    TimeProvider timeProvider,
    NonceRegistry nonces)
{
    /// <summary>Returns null when the passport is valid, otherwise the reason, for the log.</summary>
    public string? Verify(XElement? header)
    {
        var settings = options.Value;
        var passport = header?.Element(SoapXml.Messages + "tokenPassport");
        if (passport is null)
        {
            return "the tokenPassport header is missing";
        }

        string? Value(string name) => (string?)passport.Element(SoapXml.Core + name);
        var (account, consumerKey, token, nonce, timestamp) =
            (Value("account"), Value("consumerKey"), Value("token"), Value("nonce"), Value("timestamp"));
        var signature = passport.Element(SoapXml.Core + "signature");
        if (account is null || consumerKey is null || token is null || nonce is null || timestamp is null
            || signature is null)
        {
            return "the tokenPassport misses a required element";
        }

        if (account != settings.Realm)
        {
            return $"the account {account} is not the account's realm {settings.Realm}";
        }

        if ((string?)signature.Attribute("algorithm") != "HMAC-SHA256")
        {
            return $"the signature algorithm {(string?)signature.Attribute("algorithm")} is not supported";
        }

        if (consumerKey != settings.ConsumerKey || token != settings.TokenId)
        {
            return "the consumer key or token is unknown";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds) > settings.TimestampToleranceSeconds)
        {
            return "the timestamp is invalid or too far from the server clock";
        }

        var text = string.Join('&', account, consumerKey, token, nonce, timestamp);
        var key = settings.ConsumerSecret + "&" + settings.TokenSecret;
        var expected = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
        if (!CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(signature.Value.Trim()), Encoding.ASCII.GetBytes(expected)))
        {
            return "the signature does not match";
        }

        var retention = TimeSpan.FromSeconds(settings.TimestampToleranceSeconds * 2);
        return nonces.TryUse(settings.TokenId, nonce, retention) ? null : "the nonce was already used";
    }
}
