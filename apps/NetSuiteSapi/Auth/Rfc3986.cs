using System.Globalization;
using System.Text;

namespace DaprSync.NetSuiteSapi.Auth;

/// <summary>
/// Percent-encoding for OAuth 1.0a (RFC 5849 section 3.6): every byte of the UTF-8 form except the RFC 3986
/// unreserved characters <c>A-Z a-z 0-9 - . _ ~</c> becomes <c>%XX</c> with uppercase hex, so <c>!</c> is
/// <c>%21</c> and a space is <c>%20</c>, never <c>+</c>.
/// </summary>
public static class Rfc3986
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
