namespace DaprSync.SalesforceEmulator.Schema;

/// <summary>
/// Salesforce record ids: a 15-character case-sensitive id (3-character key prefix, then 12 base-62
/// characters) and its 18-character case-insensitive form, which appends a 3-character checksum of the
/// letter casing.
/// </summary>
public static class SalesforceId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>Pod and reserved characters that follow the key prefix in every id the emulator issues.</summary>
    private const string InstanceMarker = "Dk0";

    /// <summary>Builds the 18-character id of the <paramref name="sequence"/>-th record with a key prefix.</summary>
    public static string Create(string keyPrefix, long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        var counter = new char[9];
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            counter[i] = Base62[(int)(sequence % 62)];
            sequence /= 62;
        }

        return To18(keyPrefix + InstanceMarker + new string(counter));
    }

    /// <summary>
    /// Converts a 15- or 18-character id to the canonical 18-character form. Returns null when the value
    /// is not an id: wrong length, a character outside [0-9A-Za-z], or an 18-character id whose suffix
    /// does not match its first 15 characters.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (value is null || (value.Length != 15 && value.Length != 18) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var canonical = To18(value[..15]);
        if (value.Length == 18 && !string.Equals(canonical[15..], value[15..], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return canonical;
    }

    private static string To18(string id15)
    {
        var suffix = new char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var position = 0; position < 5; position++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + position]))
                {
                    bits |= 1 << position;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return id15 + new string(suffix);
    }
}
