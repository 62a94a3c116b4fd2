using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DaprSync.NetSuiteSapi.Auth;

/// <summary>Consumer and token credentials of one NetSuite integration, which no log line contains.</summary>
public sealed record TbaCredentials(
    NetSuiteAccount Account,
    string ConsumerKey,
    string ConsumerSecret,
    string TokenId,
    string TokenSecret);

/// <summary>
/// Signs NetSuite Token-Based Authentication requests with HMAC-SHA256: the OAuth 1.0a header of REST calls and
/// the token passport signature of SOAP calls. NetSuite rejects HMAC-SHA1 from release 2021.2 on sandbox
/// accounts and 2023.1 on production accounts.
/// </summary>
public sealed class TbaSigner(TbaCredentials credentials)
{
    public const string SignatureMethod = "HMAC-SHA256";

    /// <summary>
    /// Builds the <c>Authorization</c> header value for one REST request. Query parameters of
    /// <paramref name="requestUri"/> are signed but stay in the URL, and the header carries only realm and
    /// <c>oauth_*</c> parameters.
    /// </summary>
    public string CreateAuthorizationHeader(HttpMethod method, Uri requestUri, string nonce, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentException.ThrowIfNullOrEmpty(nonce);

        var oauthParameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = credentials.ConsumerKey,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = SignatureMethod,
            ["oauth_timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["oauth_token"] = credentials.TokenId,
            ["oauth_version"] = "1.0",
        };
        var baseString = CreateBaseString(method, requestUri, oauthParameters);
        oauthParameters["oauth_signature"] = Sign(baseString, credentials.ConsumerSecret, credentials.TokenSecret);

        var header = new StringBuilder("OAuth realm=\"").Append(Rfc3986.Encode(credentials.Account.Realm)).Append('"');
        foreach (var (name, value) in oauthParameters)
        {
            header.Append(", ").Append(name).Append("=\"").Append(Rfc3986.Encode(value)).Append('"');
        }

        return header.ToString();
    }

    /// <summary>
    /// Creates the OAuth 1.0a signature base string: method, the URL without query or default port, and every
    /// query and <c>oauth_*</c> parameter, encoded, sorted by name then value and joined.
    /// </summary>
    public static string CreateBaseString(
        HttpMethod method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> oauthParameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(oauthParameters);

        var pairs = ParseQuery(requestUri.Query)
            .Concat(oauthParameters)
            .Select(pair => (Name: Rfc3986.Encode(pair.Key), Value: Rfc3986.Encode(pair.Value)))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Name + "=" + pair.Value);

        // Uri keeps scheme and host in lower case, and UriComponents.Port is empty for the scheme's default port.
        var baseUri = requestUri.GetComponents(
            UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return method.Method.ToUpperInvariant() + "&" + Rfc3986.Encode(baseUri) + "&"
            + Rfc3986.Encode(string.Join('&', pairs));
    }

    /// <summary>Computes base64(HMAC-SHA256) of the base string with key
    /// <c>consumerSecret&amp;tokenSecret</c>.</summary>
    public static string Sign(string baseString, string consumerSecret, string tokenSecret)
    {
        var key = Rfc3986.Encode(consumerSecret) + "&" + Rfc3986.Encode(tokenSecret);
        return Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(baseString)));
    }

    /// <summary>
    /// Computes the SOAP token passport signature: base64(HMAC-SHA256) of
    /// <c>account&amp;consumerKey&amp;tokenId&amp;nonce&amp;timestamp</c> with key
    /// <c>consumerSecret&amp;tokenSecret</c>.
    /// </summary>
    public string CreateTokenPassportSignature(string nonce, long timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        return ComputeTokenPassportSignature(credentials, nonce, timestamp);
    }

    /// <inheritdoc cref="CreateTokenPassportSignature"/>
    public static string ComputeTokenPassportSignature(TbaCredentials credentials, string nonce, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var text = string.Join('&',
            credentials.Account.Realm,
            credentials.ConsumerKey,
            credentials.TokenId,
            nonce,
            timestamp.ToString(CultureInfo.InvariantCulture));
        var key = credentials.ConsumerSecret + "&" + credentials.TokenSecret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            yield return new(Decode(name), Decode(value));
        }
    }

    // RFC 5849 decodes the query as a form, where '+' is a space that RFC 3986 decoding alone would keep.
    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
