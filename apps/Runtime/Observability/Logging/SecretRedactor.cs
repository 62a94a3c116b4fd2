using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace DaprSync.Runtime.Observability.Logging;

/// <summary>
/// Detects names that look like secrets and masks configured secret values in log text. Values are
/// collected from configuration keys whose last segment looks like a secret
/// (<c>ClientSecret</c>, <c>TokenSecret</c>, <c>Password</c>...) and from the PEM file that
/// <c>PrivateKeyPath</c> names.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words and numbers; a real credential is far longer.
    private const int MinimumValueLength = 6;

    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);
    private volatile string[] _ordered = [];

    /// <summary>The redactor of the process-wide Serilog logger, which every app in the process feeds.</summary>
    public static SecretRedactor Shared { get; } = new();

    /// <summary>Number of distinct secret values known.</summary>
    public int Count => _values.Count;

    /// <summary>Returns true when a property or setting named <paramref name="name"/> is a credential.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var last = name[(name.LastIndexOf(':') + 1)..];
        return SecretNamePattern().IsMatch(last);
    }

    /// <summary>Adds the value of every secret-looking setting in <paramref name="configuration"/>.</summary>
    public void AddValuesFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (key.EndsWith("PrivateKeyPath", StringComparison.OrdinalIgnoreCase))
            {
                AddPemFile(value);
            }
            else if (IsSecretName(key))
            {
                AddValue(value);
            }
        }
    }

    /// <summary>Adds one secret value; values shorter than six characters are ignored.</summary>
    public void AddValue(string? value)
    {
        if (value is null || value.Trim().Length < MinimumValueLength || !_values.TryAdd(value.Trim(), 0))
        {
            return;
        }

        // Longest first, so a secret that contains another is masked whole.
        _ordered = [.. _values.Keys.OrderByDescending(known => known.Length)];
    }

    /// <summary>Replaces every known secret value in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var secret in _ordered)
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    // Each line of the key's base64 body is a value of its own, so a logged fragment is masked too.
    private void AddPemFile(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("-----", StringComparison.Ordinal) && line.Trim().Length >= 16)
            {
                AddValue(line);
            }
        }
    }

    [GeneratedRegex(
        "(secret|password|passwd|pwd|privatekey|apikey|signature|credentials?|connectionstring|authorization|token)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretNamePattern();
}
