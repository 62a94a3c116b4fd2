using DaprSync.Contracts;

namespace DaprSync.Deploy.Tests;

public sealed class ResiliencyTests
{
    public static TheoryData<string> ResiliencyFiles() =>
        ["components/resiliency.yaml", "deploy/kubernetes/base/resiliency.yaml"];

    private static Dictionary<object, object> Read(string file) =>
        YamlFiles.ReadSingle(RepositoryPaths.File(file.Split('/')));

    private static Dictionary<object, object> Policies(Dictionary<object, object> document, string kind) =>
        (Dictionary<object, object>)document.At("spec", "policies", kind)!;

    [Theory]
    [MemberData(nameof(ResiliencyFiles))]
    public void Targets_ReferenceDefinedPolicies(string file)
    {
        var document = Read(file);
        var apps = (Dictionary<object, object>)document.At("spec", "targets", "apps")!;
        var components = (Dictionary<object, object>)document.At("spec", "targets", "components")!;
        var targets = apps.Values.Cast<Dictionary<object, object>>()
            .Concat(components.Values.Cast<Dictionary<object, object>>()
                .SelectMany(component => component.Values.Cast<Dictionary<object, object>>()))
            .ToList();

        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            AssertDefined(document, target, "timeout", "timeouts");
            AssertDefined(document, target, "retry", "retries");
            AssertDefined(document, target, "circuitBreaker", "circuitBreakers");
        }
    }

    [Theory]
    [MemberData(nameof(ResiliencyFiles))]
    public void EveryApp_HasTimeoutRetryAndBreaker(string file)
    {
        var apps = (Dictionary<object, object>)Read(file).At("spec", "targets", "apps")!;

        Assert.Equal(
            new[] { AppIds.NetSuiteSapi, AppIds.Orchestrator, AppIds.SalesforceSapi },
            apps.Keys.Cast<string>().Order(StringComparer.Ordinal));
        foreach (var app in apps.Values.Cast<Dictionary<object, object>>())
        {
            Assert.NotNull(app.StringAt("timeout"));
            Assert.NotNull(app.StringAt("retry"));
            Assert.NotNull(app.StringAt("circuitBreaker"));
        }
    }

    [Theory]
    [MemberData(nameof(ResiliencyFiles))]
    public void NetSuiteApi_TimeoutCoversSoapCalls(string file)
    {
        var document = Read(file);
        var timeoutName = document.StringAt("spec", "targets", "apps", AppIds.NetSuiteSapi, "timeout")!;

        var timeout = ParseDuration((string)Policies(document, "timeouts")[timeoutName]);

        Assert.True(timeout >= TimeSpan.FromSeconds(90), $"ns-sapi times out after {timeout}.");
    }

    [Theory]
    [MemberData(nameof(ResiliencyFiles))]
    public void Retries_UseExponentialBackoff(string file)
    {
        var retries = Policies(Read(file), "retries").Values.Cast<Dictionary<object, object>>().ToList();

        Assert.NotEmpty(retries);
        foreach (var retry in retries)
        {
            Assert.Equal("exponential", retry.StringAt("policy"));
            Assert.True(int.Parse(retry.StringAt("maxRetries")!) > 0);
        }
    }

    [Theory]
    [MemberData(nameof(ResiliencyFiles))]
    public void PubSub_HasInboundAndOutboundPolicies(string file)
    {
        var pubsub = (Dictionary<object, object>)Read(file).At("spec", "targets", "components", "pubsub")!;

        Assert.True(pubsub.ContainsKey("inbound"));
        Assert.True(pubsub.ContainsKey("outbound"));
    }

    [Fact]
    public void KubernetesPolicies_MatchLocalPolicies()
    {
        var local = Read("components/resiliency.yaml");
        var kubernetes = Read("deploy/kubernetes/base/resiliency.yaml");

        // Only the header comments differ, so everything from apiVersion on must be identical.
        var localText = File.ReadAllText(RepositoryPaths.File("components", "resiliency.yaml"));
        var kubernetesText = File.ReadAllText(RepositoryPaths.File("deploy", "kubernetes", "base", "resiliency.yaml"));
        Assert.Equal(localText.Split("apiVersion:")[1], kubernetesText.Split("apiVersion:")[1]);
        Assert.Equal(local.StringAt("metadata", "name"), kubernetes.StringAt("metadata", "name"));
    }

    private static void AssertDefined(
        Dictionary<object, object> document, Dictionary<object, object> target, string key, string kind)
    {
        if (target.StringAt(key) is { } name)
        {
            Assert.True(Policies(document, kind).ContainsKey(name), $"Policy '{name}' is not defined under {kind}.");
        }
    }

    /// <summary>Parses the Go durations the policies use, such as <c>90s</c>, <c>2m</c> or <c>500ms</c>.</summary>
    private static TimeSpan ParseDuration(string value) => value switch
    {
        _ when value.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(int.Parse(value[..^2])),
        _ when value.EndsWith('s') => TimeSpan.FromSeconds(int.Parse(value[..^1])),
        _ when value.EndsWith('m') => TimeSpan.FromMinutes(int.Parse(value[..^1])),
        _ when value.EndsWith('h') => TimeSpan.FromHours(int.Parse(value[..^1])),
        _ => throw new FormatException($"'{value}' is not a duration such as 90s."),
    };
}
