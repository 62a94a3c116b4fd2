namespace DaprSync.Deploy.Tests;

/// <summary>Locations of the repository files that the deploy tests read.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the first parent of the test binaries that contains <c>dapr.yaml</c>.</summary>
    public static string Root { get; } = FindRoot();

    public static string Components => Path.Combine(Root, "components");

    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>
    /// Dapr components-contrib metadata files, present only in the development workspace next to the
    /// repository. Tests that need them skip when the folder is absent, as it is in a user's clone.
    /// </summary>
    public static string ComponentMetadataReference =>
        TestSupport.SharedDirectory.PathOf("reference", "dapr", "component-metadata");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "dapr.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No dapr.yaml found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
