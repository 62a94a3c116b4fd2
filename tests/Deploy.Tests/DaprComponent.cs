namespace DaprSync.Deploy.Tests;

/// <summary>One <c>spec.metadata</c> entry of a Dapr component.</summary>
internal sealed record ComponentMetadataItem(string Name, string? Value, string? SecretName, string? SecretKey);

/// <summary>A Dapr <c>Component</c> resource read from a YAML file.</summary>
internal sealed record DaprComponent(
    string File,
    string Name,
    string Type,
    string Version,
    string? SecretStore,
    IReadOnlyList<ComponentMetadataItem> Metadata,
    IReadOnlyList<string> Scopes)
{
    public string Category => Type.Split('.')[0];

    /// <summary>Reads every <c>kind: Component</c> document of the YAML files in a directory.</summary>
    public static IReadOnlyList<DaprComponent> ReadAll(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => YamlFiles.ReadDocuments(file).Select(document => (file, document)))
            .Where(entry => entry.document.StringAt("kind") == "Component")
            .Select(entry => FromDocument(entry.file, entry.document)),
    ];

    private static DaprComponent FromDocument(string file, Dictionary<object, object> document)
    {
        var metadata = document.MappingsAt("spec", "metadata")
            .Select(item => new ComponentMetadataItem(
                item.StringAt("name") ?? throw new InvalidDataException($"{file}: a metadata entry has no name."),
                item.At("value")?.ToString(),
                item.StringAt("secretKeyRef", "name"),
                item.StringAt("secretKeyRef", "key")))
            .ToList();

        return new DaprComponent(
            file,
            document.StringAt("metadata", "name") ?? "",
            document.StringAt("spec", "type") ?? "",
            document.StringAt("spec", "version") ?? "",
            document.StringAt("auth", "secretStore"),
            metadata,
            [.. document.StringsAt("scopes")]);
    }
}
