using DaprSync.Contracts;

namespace DaprSync.Deploy.Tests;

public sealed class RunFileTests
{
    private static readonly string[] ServiceApps = [AppIds.SalesforceSapi, AppIds.NetSuiteSapi, AppIds.Orchestrator];

    public static TheoryData<string> RunFiles() => ["dapr.yaml", "dapr.sandbox.yaml"];

    [Theory]
    [MemberData(nameof(RunFiles))]
    public void RunFile_SharesComponentsAndConfig(string runFile)
    {
        var document = YamlFiles.ReadSingle(RepositoryPaths.File(runFile));

        Assert.Equal("1", document.At("version")?.ToString());
        Assert.Equal(["./components"], document.StringsAt("common", "resourcesPaths"));
        Assert.True(File.Exists(RepositoryPaths.File(document.StringAt("common", "configFilePath")!)));
        Assert.Equal("Dapr", document.StringAt("common", "env", "Runtime__Mode"));
    }

    [Theory]
    [MemberData(nameof(RunFiles))]
    public void RunFile_AppsRunTheirProjects(string runFile)
    {
        var apps = YamlFiles.ReadSingle(RepositoryPaths.File(runFile)).MappingsAt("apps").ToList();

        Assert.NotEmpty(apps);
        foreach (var app in apps)
        {
            var appId = app.StringAt("appID");
            var directory = RepositoryPaths.File(app.StringAt("appDirPath")!);
            var command = app.StringsAt("command").ToList();

            Assert.True(Directory.Exists(directory), $"{runFile}: {appId} has no directory {directory}.");
            Assert.Equal(["dotnet", "run", "--project"], command.Take(3));
            Assert.True(
                File.Exists(Path.Combine(directory, command[3])),
                $"{runFile}: {appId} runs {command[3]}, which is not in {directory}.");
        }

        var ports = apps.Select(app => app.At("appPort")?.ToString()).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RunFiles))]
    public void RunFile_ChecksServiceAppHealth(string runFile)
    {
        var document = YamlFiles.ReadSingle(RepositoryPaths.File(runFile));
        var apps = document.MappingsAt("apps").Where(app => ServiceApps.Contains(app.StringAt("appID"))).ToList();

        Assert.Equal(3, apps.Count);
        foreach (var app in apps)
        {
            var path = app.StringAt("appHealthCheckPath") ?? document.StringAt("common", "appHealthCheckPath");
            var enabled = app.At("enableAppHealthCheck") ?? document.At("common", "enableAppHealthCheck");
            Assert.Equal("/healthz", path);
            Assert.Equal("true", enabled?.ToString());
        }
    }

    [Fact]
    public void SandboxRunFile_PointsAppsAtEmulators()
    {
        var apps = YamlFiles.ReadSingle(RepositoryPaths.File("dapr.sandbox.yaml")).MappingsAt("apps")
            .ToDictionary(app => app.StringAt("appID")!);

        Assert.Equal("./apps/Emulators/Salesforce/", apps["salesforce-emulator"].StringAt("appDirPath"));
        Assert.Equal("./apps/Emulators/NetSuite/", apps["netsuite-emulator"].StringAt("appDirPath"));

        var salesforceUrl = $"http://127.0.0.1:{apps["salesforce-emulator"].At("appPort")}";
        var netSuiteUrl = $"http://127.0.0.1:{apps["netsuite-emulator"].At("appPort")}";
        Assert.Equal(salesforceUrl, apps[AppIds.SalesforceSapi].StringAt("env", "Salesforce__LoginUrl"));
        Assert.Equal(netSuiteUrl, apps[AppIds.NetSuiteSapi].StringAt("env", "NetSuite__RestBaseUrl"));
        Assert.Equal(
            apps["salesforce-emulator"].StringAt("env", "Kestrel__Endpoints__PubSub__Url"),
            apps[AppIds.SalesforceSapi].StringAt("env", "Salesforce__PubSub__Endpoint"));
    }
}
