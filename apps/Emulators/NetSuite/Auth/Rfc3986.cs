using System.Text;

namespace DaprSync.NetSuiteEmulator.Auth;

/// <summary>Percent-encoding as OAuth 1.0a requires (RFC 5849 section 3.6): only unreserved characters stay.</summary>
internal static class Rfc3986
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
