using System.Text.Json;

namespace DaprSync.Deploy.Tests;

/// <summary>Reads a <c>secretstores.local.file</c> JSON file the way the store does with nestedSeparator ":".</summary>
internal static class LocalSecretFile
{
    public static Dictionary<string, string> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(document.RootElement, prefix: null, secrets);
        return secrets;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> secrets)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", secrets);
            }

            return;
        }

        secrets[prefix ?? ""] = element.ToString();
    }
}
