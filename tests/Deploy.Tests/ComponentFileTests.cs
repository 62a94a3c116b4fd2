using DaprSync.Contracts;

namespace DaprSync.Deploy.Tests;

public sealed class ComponentFileTests
{
    /// <summary>Component types DaprSync ships files for, with the version each file must name.</summary>
    private static readonly Dictionary<string, string[]> KnownTypes = new(StringComparer.Ordinal)
    {
        ["pubsub.redis"] = ["v1"],
        ["pubsub.kafka"] = ["v1"],
        ["state.redis"] = ["v1"],
        ["state.postgresql"] = ["v2"],
        ["bindings.cron"] = ["v1"],
        ["secretstores.local.file"] = ["v1"],
        ["secretstores.kubernetes"] = ["v1"],
    };

    /// <summary>
    /// Keys the Dapr runtime reads itself, whatever the component type, so components-contrib's metadata
    /// files do not list them: actorStateStore and keyPrefix on state stores, direction and route on bindings.
    /// </summary>
    private static readonly Dictionary<string, string[]> RuntimeKeys = new(StringComparer.Ordinal)
    {
        ["state"] = ["actorStateStore", "keyPrefix"],
        ["bindings"] = ["direction", "route"],
    };

    private static readonly string[] AppIdList = [AppIds.SalesforceSapi, AppIds.NetSuiteSapi, AppIds.Orchestrator];

    public static TheoryData<string> ComponentFolders() =>
    [
        "components",
        "components/alternatives",
        "deploy/kubernetes/base/components",
    ];

    private static IReadOnlyList<DaprComponent> Read(string folder) =>
        DaprComponent.ReadAll(RepositoryPaths.File(folder.Split('/')));

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void Components_ParseWithKnownTypes(string folder)
    {
        var components = Read(folder);

        Assert.NotEmpty(components);
        foreach (var component in components)
        {
            Assert.False(string.IsNullOrEmpty(component.Name), $"{component.File} has no metadata.name.");
            Assert.True(KnownTypes.ContainsKey(component.Type), $"{component.File}: unknown type '{component.Type}'.");
            Assert.Contains(component.Version, KnownTypes[component.Type]);
        }
    }

    [Fact]
    public void LocalComponents_HaveExpectedNames()
    {
        var names = Read("components").Select(component => component.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["fulfilment-poller", "invoice-poller", "pubsub", "refund-poller", "secretstore", "statestore"],
            names);
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void MetadataKeys_DefinedByComponentType(string folder)
    {
        if (!Directory.Exists(RepositoryPaths.ComponentMetadataReference))
        {
            Assert.Skip(
                $"The components-contrib metadata files are not at {RepositoryPaths.ComponentMetadataReference}.");
        }

        foreach (var component in Read(folder))
        {
            var allowed = ComponentMetadataReference.KeysOf(component.Type, component.Version)
                .Concat(RuntimeKeys.GetValueOrDefault(component.Category, []))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var item in component.Metadata)
            {
                Assert.True(
                    allowed.Contains(item.Name),
                    $"{component.File}: '{item.Name}' is not a metadata key of {component.Type} {component.Version}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void Scopes_NameOnlyKnownAppIds(string folder)
    {
        foreach (var component in Read(folder))
        {
            Assert.NotEmpty(component.Scopes);
            Assert.All(component.Scopes, scope => Assert.Contains(scope, AppIdList));
        }
    }

    [Theory]
    [MemberData(nameof(ComponentFolders))]
    public void CronBindings_ScopedToOrchestratorOnly(string folder)
    {
        var bindings = Read(folder).Where(component => component.Type == "bindings.cron").ToList();

        Assert.All(bindings, binding => Assert.Equal([AppIds.Orchestrator], binding.Scopes));
    }

    [Fact]
    public void RunFileAppIds_MatchContracts()
    {
        var runFile = YamlFiles.ReadSingle(RepositoryPaths.File("dapr.yaml"));

        var appIds = runFile.MappingsAt("apps").Select(app => app.StringAt("appID")).Order(StringComparer.Ordinal);

        Assert.Equal(AppIdList.Order(StringComparer.Ordinal), appIds);
    }

    [Fact]
    public void StateStore_IsActorStateStore()
    {
        foreach (var folder in new[] { "components", "components/alternatives", "deploy/kubernetes/base/components" })
        {
            var store = Assert.Single(Read(folder), component => component.Name == "statestore");
            var flag = Assert.Single(store.Metadata, item => item.Name == "actorStateStore");
            Assert.Equal("true", flag.Value);
        }
    }

    [Fact]
    public void SecretKeyRefs_ResolveInLocalSecretFile()
    {
        var secrets = LocalSecretFile.Read(RepositoryPaths.File("components", "secrets.local.json"));
        var components = Read("components").Concat(Read("components/alternatives")).ToList();
        var references = components.SelectMany(component =>
            component.Metadata.Where(item => item.SecretName is not null).Select(item => (component, item))).ToList();

        Assert.NotEmpty(references);
        foreach (var (component, item) in references)
        {
            Assert.Equal("secretstore", component.SecretStore);

            // The local file store without multiValued returns one value per secret, under the secret's name.
            Assert.Equal(item.SecretName, item.SecretKey);
            Assert.True(
                secrets.ContainsKey(item.SecretName!),
                $"{component.File}: secret '{item.SecretName}' is not in secrets.local.json.");
        }
    }

    [Fact]
    public void SecretKeyRefs_HaveNoLiteralValue()
    {
        var components = Read("components").Concat(Read("deploy/kubernetes/base/components"));
        var sensitiveNames = new[] { "redisPassword", "saslPassword", "connectionString" };

        foreach (var component in components)
        {
            foreach (var item in component.Metadata.Where(item => sensitiveNames.Contains(item.Name)))
            {
                Assert.Null(item.Value);
                Assert.NotNull(item.SecretName);
            }
        }
    }

    [Fact]
    public void LocalSecretFile_CoversEveryCredential()
    {
        var secrets = LocalSecretFile.Read(RepositoryPaths.File("components", "secrets.local.json"));
        string[] credentials =
        [
            "Salesforce:ClientId", "Salesforce:ClientSecret",
            "NetSuite:AccountId", "NetSuite:ConsumerKey", "NetSuite:ConsumerSecret", "NetSuite:TokenId",
            "NetSuite:TokenSecret", "Smtp:Username", "Smtp:Password", "Redis:Password",
        ];

        foreach (var credential in credentials)
        {
            Assert.True(secrets.ContainsKey(credential), $"secrets.local.json has no '{credential}'.");
        }

        // Every non-empty value is marked fake, so the sample cannot be mistaken for real credentials.
        Assert.All(
            secrets.Where(secret => secret.Key.EndsWith("Secret", StringComparison.Ordinal)
                || (secret.Key.EndsWith("Password", StringComparison.Ordinal) && secret.Value.Length > 0)),
            secret => Assert.Contains("FAKE", secret.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void KubernetesComponents_UseKubernetesSecretStore()
    {
        var components = Read("deploy/kubernetes/base/components");

        var withSecrets = components.Where(component => component.Metadata.Any(item => item.SecretName is not null));
        foreach (var component in withSecrets)
        {
            Assert.Equal("kubernetes", component.SecretStore);
        }
    }
}
