using System.Net;
using System.Reflection;
using DaprSync.Contracts;
using DaprSync.NetSuiteSapi;
using DaprSync.SalesforceSapi;

namespace DaprSync.Deploy.Tests;

/// <summary>
/// dapr.sandbox.yaml must point every URL setting of the System APIs at a loopback emulator. A URL setting left
/// out falls back to the real Salesforce or NetSuite host, so the settings are read from the options classes.
/// </summary>
public sealed class SandboxUrlSettingsTests
{
    private static readonly string[] UrlSuffixes = ["Url", "Uri", "Endpoint", "Address"];

    public static TheoryData<string, string> UrlSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in UrlSettingKeys(typeof(SalesforceOptions).Assembly))
        {
            data.Add(AppIds.SalesforceSapi, key);
        }

        foreach (var key in UrlSettingKeys(typeof(NetSuiteOptions).Assembly))
        {
            data.Add(AppIds.NetSuiteSapi, key);
        }

        return data;
    }

    [Fact]
    public void UrlSettingKeys_IncludeKnownKeys()
    {
        var keys = UrlSettingKeys(typeof(SalesforceOptions).Assembly)
            .Concat(UrlSettingKeys(typeof(NetSuiteOptions).Assembly))
            .ToList();

        Assert.Contains("Salesforce__LoginUrl", keys);
        Assert.Contains("Salesforce__PubSub__Endpoint", keys);
        Assert.Contains("NetSuite__RestBaseUrl", keys);
        Assert.Contains("NetSuite__Soap__BaseUrl", keys);
    }

    [Theory]
    [MemberData(nameof(UrlSettings))]
    public void SandboxRunFile_UrlSetting_IsLoopback(string appId, string key)
    {
        var value = SandboxEnvironment(appId).GetValueOrDefault(key);

        Assert.False(string.IsNullOrWhiteSpace(value), $"dapr.sandbox.yaml: {appId} does not set {key}.");
        Assert.True(Uri.TryCreate(value, UriKind.Absolute, out var uri), $"{appId} {key} '{value}' is not a URL.");
        Assert.True(IPAddress.TryParse(uri.Host, out var address), $"{appId} {key} host '{uri.Host}' is not an IP.");
        Assert.True(IPAddress.IsLoopback(address), $"{appId} {key} '{value}' is not a loopback address.");
    }

    [Theory]
    [InlineData("NetSuite__Payments__ArAccountId")]
    [InlineData("NetSuite__Payments__GlAccountId")]
    public void SandboxRunFile_PaymentAccount_IsSet(string key)
    {
        var value = SandboxEnvironment(AppIds.NetSuiteSapi).GetValueOrDefault(key);

        Assert.False(string.IsNullOrWhiteSpace(value), $"dapr.sandbox.yaml: ns-sapi does not set {key}.");
        Assert.True(value.All(char.IsAsciiDigit), $"{key} '{value}' is not a NetSuite internal id.");
    }

    /// <summary>
    /// Returns the environment keys of URL settings: each public string or Uri property whose name ends in a URL
    /// word, of each options class with a <c>SectionName</c> constant, as <c>Section__Sub__Property</c>.
    /// </summary>
    private static IEnumerable<string> UrlSettingKeys(Assembly assembly) =>
        from type in assembly.GetExportedTypes()
        where type.Name.EndsWith("Options", StringComparison.Ordinal)
        let section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
        where section is string
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanWrite
            && (property.PropertyType == typeof(string) || property.PropertyType == typeof(Uri))
            && UrlSuffixes.Any(suffix => property.Name.EndsWith(suffix, StringComparison.Ordinal))
        select $"{((string)section).Replace(":", "__", StringComparison.Ordinal)}__{property.Name}";

    private static Dictionary<string, string?> SandboxEnvironment(string appId)
    {
        var app = YamlFiles.ReadSingle(RepositoryPaths.File("dapr.sandbox.yaml")).MappingsAt("apps")
            .Single(a => a.StringAt("appID") == appId);
        var environment = app.At("env") as Dictionary<object, object> ?? [];
        return environment.ToDictionary(pair => pair.Key.ToString()!, pair => pair.Value?.ToString());
    }
}
