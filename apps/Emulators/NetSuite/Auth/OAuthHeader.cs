namespace DaprSync.NetSuiteEmulator.Auth;

/// <summary>The parameters of an <c>Authorization: OAuth ...</c> header, percent-decoded.</summary>
internal static class OAuthHeader
{
    private const string Scheme = "OAuth ";

    /// <summary>
    /// Parses <c>OAuth realm="x", oauth_consumer_key="y", ...</c>. Returns null when the header is not an OAuth
    /// header, is malformed or names a parameter twice.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? TryParse(string? header)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[Scheme.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var name = part[..equals].Trim();
            var quoted = part[(equals + 1)..].Trim();
            if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
            {
                return null;
            }

            if (!parameters.TryAdd(Uri.UnescapeDataString(name), Uri.UnescapeDataString(quoted[1..^1])))
            {
                return null;
            }
        }

        return parameters;
    }
}
