using System.Text.RegularExpressions;

namespace DaprSync.PubSub.Tests;

public sealed partial class ProtoParityTests
{
    [Fact]
    public void ProjectProto_MatchesReferenceContract()
    {
        var repoRoot = FindRepoRoot();
        var referencePath = TestSupport.SharedDirectory.PathOf("reference", "salesforce", "pubsub_api.proto");
        if (!File.Exists(referencePath))
        {
            Assert.Skip($"The reference Pub/Sub API proto is absent at {referencePath}, so there is nothing to compare.");
        }

        var project = ParseContract(File.ReadAllText(
            Path.Combine(repoRoot, "apps", "Emulators", "Salesforce", "Protos", "pubsub_api.proto")));
        var reference = ParseContract(File.ReadAllText(referencePath));

        Assert.Equal(reference.Package, project.Package);
        Assert.Equal(reference.Declarations.Keys.Order(), project.Declarations.Keys.Order());
        foreach (var (name, members) in reference.Declarations)
        {
            Assert.Equal(members, project.Declarations[name]);
        }
    }

    [Fact]
    public void ParseContract_ReadsFieldsEnumsAndRpcs()
    {
        var contract = ParseContract("""
            package a.v1;
            // comment with message Fake { int32 x = 9; }
            message M { repeated string names = 1; /* skipped */ bytes id = 2; }
            enum E { ZERO = 0; ONE = 1; }
            service S { rpc Call (stream M) returns (M); }
            """);

        Assert.Equal("a.v1", contract.Package);
        Assert.Equal(["repeated string names = 1", "bytes id = 2"], contract.Declarations["message M"]);
        Assert.Equal(["ZERO = 0", "ONE = 1"], contract.Declarations["enum E"]);
        Assert.Equal(["rpc Call(stream M) returns (M)"], contract.Declarations["service S"]);
        Assert.False(contract.Declarations.ContainsKey("message Fake"));
    }

    private sealed record Contract(string Package, Dictionary<string, List<string>> Declarations);

    /// <summary>Reduces a proto file to its package and, per message, enum and service, its members in order.</summary>
    private static Contract ParseContract(string text)
    {
        var code = LineComment().Replace(BlockComment().Replace(text, " "), " ");
        var package = PackageStatement().Match(code).Groups[1].Value;
        var declarations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match block in Declaration().Matches(code))
        {
            var kind = block.Groups["kind"].Value;
            var body = block.Groups["body"].Value;
            var members = kind switch
            {
                "message" => FieldLine().Matches(body).Select(field =>
                    $"{field.Groups["label"].Value}{field.Groups["type"].Value} {field.Groups["name"].Value} = {field.Groups["number"].Value}"),
                "enum" => EnumValue().Matches(body).Select(value => $"{value.Groups[1].Value} = {value.Groups[2].Value}"),
                _ => RpcLine().Matches(body).Select(rpc =>
                    $"rpc {rpc.Groups[1].Value}({rpc.Groups[2].Value}{rpc.Groups[3].Value}) "
                    + $"returns ({rpc.Groups[4].Value}{rpc.Groups[5].Value})"),
            };
            declarations[$"{kind} {block.Groups["name"].Value}"] = [.. members.Select(member => WhiteSpace().Replace(member, " "))];
        }

        return new Contract(package, declarations);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DaprSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DaprSync.sln found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bpackage\s+([\w.]+)\s*;")]
    private static partial Regex PackageStatement();

    [GeneratedRegex(@"\b(?<kind>message|enum|service)\s+(?<name>\w+)\s*\{(?<body>[^{}]*)\}")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<label>(?:repeated|optional)\s+)?(?<type>[\w.]+)\s+(?<name>\w+)\s*=\s*(?<number>\d+)\s*;")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"(\w+)\s*=\s*(\d+)\s*;")]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)")]
    private static partial Regex RpcLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
