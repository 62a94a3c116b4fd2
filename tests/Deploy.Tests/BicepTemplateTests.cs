using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace DaprSync.Deploy.Tests;

public sealed class BicepTemplateTests
{
    /// <summary>The bicep binary restored from the Azure.Bicep.CommandLine.linux-x64 package, or null.</summary>
    private static string? FindBicep()
    {
        var packagePath = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPackagePath")?.Value;
        if (string.IsNullOrEmpty(packagePath) || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var binary = Path.Combine(packagePath, "tools", "bicep");
        return File.Exists(binary) ? binary : null;
    }

    [Fact]
    public async Task MainTemplate_CompilesToArmJson()
    {
        var bicep = FindBicep();
        if (bicep is null)
        {
            Assert.Skip(
                "The bicep binary of Azure.Bicep.CommandLine.linux-x64 is missing. "
                + "The package restores it only on linux-x64.");
        }

        var template = RepositoryPaths.File("deploy", "azure-container-apps", "main.bicep");
        var (exitCode, output, errors) = await RunAsync(bicep, "build", "--stdout", template);

        Assert.True(exitCode == 0, $"bicep build failed with exit code {exitCode}: {errors}");
        Assert.DoesNotContain("Warning", errors, StringComparison.Ordinal);

        using var arm = JsonDocument.Parse(output);
        var resources = ReadResources(arm.RootElement).ToList();
        var resourceTypes = resources.Select(resource => resource.GetProperty("type").GetString()).ToList();
        Assert.Contains("Microsoft.App/managedEnvironments", resourceTypes);

        // pubsub, statestore, and one copy loop that creates the three cron bindings.
        var components = resources
            .Where(resource =>
                resource.GetProperty("type").GetString() == "Microsoft.App/managedEnvironments/daprComponents")
            .ToList();
        Assert.Equal(3, components.Count);
        Assert.Single(components, component => component.TryGetProperty("copy", out _));
        Assert.Equal(
            2,
            resourceTypes.Count(type => type == "Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies"));

        var appModules = resources
            .Where(resource => resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            .ToDictionary(resource => resource.GetProperty("name").GetString()!);
        Assert.Equal(["app-ns-sapi", "app-orchestrator", "app-sf-sapi"], appModules.Keys.Order(StringComparer.Ordinal));

        // A NetSuite SOAP Sales Order add can take tens of seconds, so ns-sapi gets the longest timeout.
        var netSuiteTimeout = appModules["app-ns-sapi"].GetProperty("properties").GetProperty("parameters")
            .GetProperty("responseTimeoutSeconds").GetProperty("value").GetInt32();
        Assert.True(netSuiteTimeout >= 90, $"ns-sapi times out after {netSuiteTimeout} s.");
    }

    private static IEnumerable<JsonElement> ReadResources(JsonElement root)
    {
        // Bicep emits resources as an array, or as an object keyed by symbolic name when the template
        // uses language version 2.0 features.
        var resources = root.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
