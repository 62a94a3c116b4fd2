using System.Security.Cryptography;
using System.Text;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>Name-based version 5 UUIDs (SHA-1, RFC 4122 section 4.3), the same on every replay.</summary>
internal static class DeterministicGuid
{
    /// <summary>Namespace for instance ids that are not GUIDs themselves; any fixed value keeps ids stable.</summary>
    private static readonly Guid FallbackNamespace = new("5b0a4d1e-7c55-4f0e-9a63-2f1d8e6c4b71");

    public static Guid Create(string instanceId, int counter)
    {
        var namespaceId = Guid.TryParse(instanceId, out var parsed) ? parsed : FallbackNamespace;
        var name = Encoding.UTF8.GetBytes($"{instanceId}_{counter}");

        var input = new byte[16 + name.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);

        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
