using DaprSync.TestSupport;

namespace DaprSync.Standalone.Tests.Command;

public sealed class SharedDirectoryTests
{
    [Fact]
    public void Resolve_VariableSet_UsesItsFolder()
    {
        var root = SharedDirectory.Resolve("/data/daprsync-shared", AppContext.BaseDirectory);

        Assert.Equal(Path.GetFullPath("/data/daprsync-shared"), root);
    }

    [Fact]
    public void Resolve_VariableUnset_UsesFolderBesideClone()
    {
        var clone = Directory.CreateTempSubdirectory("daprsync-clone-");
        try
        {
            File.WriteAllText(Path.Combine(clone.FullName, "DaprSync.sln"), "");
            var bin = Directory.CreateDirectory(Path.Combine(clone.FullName, "tests", "bin"));

            var root = SharedDirectory.Resolve(null, bin.FullName);

            Assert.Equal(Path.Combine(clone.Parent!.FullName, "shared"), root);
        }
        finally
        {
            clone.Delete(recursive: true);
        }
    }
}
