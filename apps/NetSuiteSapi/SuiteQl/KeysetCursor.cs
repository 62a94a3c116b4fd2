using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DaprSync.NetSuiteSapi.SuiteQl;

/// <summary>
/// Continuation of an incremental read: the window [<see cref="Since"/>, <see cref="Until"/>) fixed by the first
/// page and the (<c>lastmodifieddate</c>, <c>id</c>) of the last row returned. Encoded as base64url text so
/// callers treat it as opaque.
/// </summary>
public sealed record KeysetCursor(DateTimeOffset Since, DateTimeOffset Until, DateTimeOffset LastModified, long Id)
{
    private const string Version = "1";

    public string Encode()
    {
        var text = string.Join('|', Version, Since.ToUnixTimeSeconds(), Until.ToUnixTimeSeconds(),
            LastModified.ToUnixTimeSeconds(), Id.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a cursor, or returns null when the text is not one this version wrote.</summary>
    public static KeysetCursor? TryDecode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
        if (parts.Length != 5 || parts[0] != Version
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var since)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var until)
            || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var lastModified)
            || !long.TryParse(parts[4], CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return new KeysetCursor(DateTimeOffset.FromUnixTimeSeconds(since), DateTimeOffset.FromUnixTimeSeconds(until),
            DateTimeOffset.FromUnixTimeSeconds(lastModified), id);
    }
}
