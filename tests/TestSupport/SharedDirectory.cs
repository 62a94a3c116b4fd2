namespace DaprSync.TestSupport;

/// <summary>
/// The folder of test input kept outside the repository: the Northwind data and the wire-format reference
/// files. It is <c>DAPRSYNC_SHARED_DIR</c> when that variable is set, otherwise <c>shared</c> beside the clone.
/// Tests that need it skip, naming the path they looked at, when the file they read is absent.
/// </summary>
public static class SharedDirectory
{
    public const string VariableName = "DAPRSYNC_SHARED_DIR";

    /// <summary>The shared folder's full path; it may not exist.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Returns the full path of <paramref name="parts"/> under <see cref="Root"/>.</summary>
    public static string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([Root, .. parts]));

    /// <summary>
    /// Returns <paramref name="configured"/> as a full path when it is set, otherwise <c>shared</c> beside the
    /// first parent of <paramref name="startDirectory"/> that contains <c>DaprSync.sln</c>.
    /// </summary>
    public static string Resolve(string? configured, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DaprSync.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            }
        }

        // Outside a clone the relative path still names where the folder was looked for in the skip reason.
        return Path.GetFullPath(Path.Combine(startDirectory, "..", "shared"));
    }

    private static string FindRoot() =>
        Resolve(Environment.GetEnvironmentVariable(VariableName), AppContext.BaseDirectory);
}
