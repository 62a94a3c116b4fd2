using DaprSync.Contracts;

namespace DaprSync.Deploy.Tests;

public sealed class KubernetesManifestTests
{
    private static string Base => RepositoryPaths.File("deploy", "kubernetes", "base");

    private static List<Dictionary<object, object>> ReadResources() =>
    [
        .. YamlFiles.ReadSingle(Path.Combine(Base, "kustomization.yaml")).StringsAt("resources")
            .SelectMany(resource => YamlFiles.ReadDocuments(Path.Combine(Base, resource))),
    ];

    private static List<Dictionary<object, object>> Deployments() =>
        [.. ReadResources().Where(resource => resource.StringAt("kind") == "Deployment")];

    [Fact]
    public void Kustomization_ListsExistingFiles()
    {
        var resources = YamlFiles.ReadSingle(Path.Combine(Base, "kustomization.yaml")).StringsAt("resources").ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, resource => Assert.True(File.Exists(Path.Combine(Base, resource)), resource));
        Assert.DoesNotContain("secret.template.yaml", resources);
    }

    [Fact]
    public void Resources_HaveApiVersionKindAndName()
    {
        foreach (var resource in ReadResources())
        {
            Assert.False(string.IsNullOrEmpty(resource.StringAt("apiVersion")));
            Assert.False(string.IsNullOrEmpty(resource.StringAt("kind")));
            Assert.False(string.IsNullOrEmpty(resource.StringAt("metadata", "name")));
        }
    }

    [Fact]
    public void Base_DeploysEveryAppWithService()
    {
        var resources = ReadResources();
        string[] expected = [AppIds.NetSuiteSapi, AppIds.Orchestrator, AppIds.SalesforceSapi];

        Assert.Equal(expected, Names(resources, "Deployment"));
        Assert.Equal(expected, Names(resources, "Service"));
        Assert.Single(resources, resource => resource.StringAt("kind") == "Resiliency");
        Assert.Single(resources, resource => resource.StringAt("kind") == "Configuration");
    }

    [Fact]
    public void Deployments_CarryDaprAnnotations()
    {
        var configuration = Assert.Single(ReadResources(), resource => resource.StringAt("kind") == "Configuration");

        foreach (var deployment in Deployments())
        {
            var name = deployment.StringAt("metadata", "name");
            var annotations = (Dictionary<object, object>)deployment.At("spec", "template", "metadata", "annotations")!;
            Assert.Equal("true", annotations["dapr.io/enabled"]);
            Assert.Equal(name, annotations["dapr.io/app-id"]);
            Assert.Equal("8080", annotations["dapr.io/app-port"]);
            Assert.Equal(configuration.StringAt("metadata", "name"), annotations["dapr.io/config"]);
            Assert.Equal("/healthz", annotations["dapr.io/app-health-check-path"]);
        }
    }

    [Fact]
    public void Containers_AreProbedLimitedAndNonRoot()
    {
        foreach (var deployment in Deployments())
        {
            var pod = (Dictionary<object, object>)deployment.At("spec", "template", "spec")!;
            var container = Assert.Single(pod.MappingsAt("containers"));

            Assert.Equal("true", pod.At("securityContext", "runAsNonRoot")?.ToString()?.ToLowerInvariant());
            var privilegeEscalation = container.At("securityContext", "allowPrivilegeEscalation");
            Assert.Equal("false", privilegeEscalation?.ToString()?.ToLowerInvariant());
            Assert.Equal("/readyz", container.StringAt("readinessProbe", "httpGet", "path"));
            Assert.Equal("/healthz", container.StringAt("livenessProbe", "httpGet", "path"));
            Assert.NotNull(container.At("resources", "requests", "memory"));
            Assert.NotNull(container.At("resources", "limits", "memory"));
            Assert.NotNull(container.At("resources", "limits", "cpu"));
            Assert.Contains(
                container.MappingsAt("env"),
                variable => variable.StringAt("name") == "Runtime__Mode" && variable.StringAt("value") == "Dapr");

            // Kestrel must listen on the port that the sidecar calls (the dapr.io/app-port annotation).
            var appPort = deployment.StringAt("spec", "template", "metadata", "annotations", "dapr.io/app-port");
            Assert.Contains(
                container.MappingsAt("env"),
                variable => variable.StringAt("name") == "ASPNETCORE_HTTP_PORTS"
                    && variable.StringAt("value") == appPort);
        }
    }

    [Fact]
    public void SecretReferences_ResolveInSecretTemplate()
    {
        var secret = YamlFiles.ReadSingle(Path.Combine(Base, "secret.template.yaml"));
        var secretName = secret.StringAt("metadata", "name");
        var keys = ((Dictionary<object, object>)secret.At("stringData")!).Keys.Cast<string>().ToHashSet();

        var fromPods = Deployments()
            .SelectMany(deployment => deployment.MappingsAt("spec", "template", "spec", "containers"))
            .SelectMany(container => container.MappingsAt("env"))
            .Select(variable => (Dictionary<object, object>?)variable.At("valueFrom", "secretKeyRef"))
            .OfType<Dictionary<object, object>>()
            .Select(reference => (reference.StringAt("name"), reference.StringAt("key")));
        var fromComponents = DaprComponent.ReadAll(Path.Combine(Base, "components"))
            .SelectMany(component => component.Metadata)
            .Where(item => item.SecretName is not null)
            .Select(item => (item.SecretName, item.SecretKey));
        var references = fromPods.Concat(fromComponents).ToList();

        Assert.NotEmpty(references);
        foreach (var (name, key) in references)
        {
            Assert.Equal(secretName, name);
            Assert.True(keys.Contains(key!), $"Secret template has no key '{key}'.");
        }
    }

    private static string[] Names(IEnumerable<Dictionary<object, object>> resources, string kind) =>
    [
        .. resources.Where(resource => resource.StringAt("kind") == kind)
            .Select(resource => resource.StringAt("metadata", "name")!)
            .Order(StringComparer.Ordinal),
    ];
}
