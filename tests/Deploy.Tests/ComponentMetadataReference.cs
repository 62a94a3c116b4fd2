namespace DaprSync.Deploy.Tests;

/// <summary>Metadata keys that components-contrib's <c>metadata.yaml</c> files define per component type.</summary>
internal static class ComponentMetadataReference
{
    /// <summary>
    /// Returns every key of <paramref name="type"/> at <paramref name="version"/>: plain metadata and the
    /// fields of every authentication profile, built-in profiles included.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(string type, string version)
    {
        var folder = RepositoryPaths.ComponentMetadataReference;
        var versioned = Path.Combine(folder, $"{type}.{version}.metadata.yaml");
        var path = File.Exists(versioned) ? versioned : Path.Combine(folder, $"{type}.metadata.yaml");
        Assert.True(File.Exists(path), $"No metadata file for {type} {version} in {folder}.");

        var document = YamlFiles.ReadSingle(path);
        Assert.Equal(version, document.StringAt("version"));

        var profiles = document.MappingsAt("authenticationProfiles")
            .Concat(document.MappingsAt("builtinAuthenticationProfiles"));
        return
        [
            .. document.MappingsAt("metadata")
                .Concat(profiles.SelectMany(profile => profile.MappingsAt("metadata")))
                .Select(item => item.StringAt("name"))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal),
        ];
    }
}
