using Dapr.Client;
using DaprSync.Runtime.Dapr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace DaprSync.Runtime.Tests.Observability;

// DaprClient is mocked because no daprd sidecar can run on the build machines; these tests check how the
// bulk secrets response is mapped onto settings. The response has the shape the local file store returns
// for components/secrets.local.json with the ":" separator.
public sealed class DaprSecretSettingsTests
{
    private static readonly TimeSpan SidecarTimeout = TimeSpan.FromSeconds(5);

    private readonly DaprClient _dapr = Substitute.For<DaprClient>();

    [Fact]
    public async Task LoadAsync_DefaultMapping_ReadsSecretNamedLikeSetting()
    {
        Answer(new()
        {
            ["NetSuite:TokenSecret"] = new() { ["NetSuite:TokenSecret"] = "from-the-store" },
            ["Redis:Password"] = new() { ["Redis:Password"] = "not-asked-for" },
        });
        var mappings = DaprSecretSettings.MappingsFor(Empty(), ["NetSuite:TokenSecret"], []);

        var values = await LoadAsync(mappings, Empty());

        Assert.Equal("from-the-store", Assert.Single(values).Value);
        Assert.Equal("NetSuite:TokenSecret", Assert.Single(values).Key);
        await _dapr.Received(1).GetBulkSecretAsync(
            "secretstore", Arg.Any<IReadOnlyDictionary<string, string>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task LoadAsync_MapOverride_ReadsMappedSecret()
    {
        Answer(new() { ["daprsync-credentials"] = new() { ["netsuite-token-secret"] = "kube-value" } });
        var configuration = Settings(new()
        {
            ["Runtime:SecretStore:Map:0:Setting"] = "NetSuite:TokenSecret",
            ["Runtime:SecretStore:Map:0:Secret"] = "daprsync-credentials",
            ["Runtime:SecretStore:Map:0:Key"] = "netsuite-token-secret",
        });
        var mappings = DaprSecretSettings.MappingsFor(configuration, ["NetSuite:TokenSecret"], []);

        var values = await LoadAsync(mappings, configuration);

        Assert.Equal("kube-value", values["NetSuite:TokenSecret"]);
    }

    [Fact]
    public async Task LoadAsync_RequiredSecretMissing_FailsNamingSetting()
    {
        Answer(new() { ["NetSuite:TokenId"] = new() { ["NetSuite:TokenId"] = "id" } });
        var mappings = DaprSecretSettings.MappingsFor(
            Empty(), ["NetSuite:TokenId", "NetSuite:TokenSecret"], ["Smtp:Password"]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => LoadAsync(mappings, Empty()));

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith("NetSuite:TokenSecret is missing", message, StringComparison.Ordinal);
        Assert.Contains("'secretstore'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_SettingAlreadyConfigured_KeepsValue()
    {
        Answer(new() { ["NetSuite:TokenSecret"] = new() { ["NetSuite:TokenSecret"] = "from-the-store" } });
        var configuration = Settings(new() { ["NetSuite:TokenSecret"] = "from-an-environment-variable" });
        var mappings = DaprSecretSettings.MappingsFor(configuration, ["NetSuite:TokenSecret"], []);

        var values = await LoadAsync(mappings, configuration);

        Assert.Empty(values);
    }

    [Fact]
    public async Task LoadAsync_SidecarNeverAnswers_TimesOut()
    {
        _dapr.WaitForSidecarAsync(Arg.Any<CancellationToken>())
            .Returns(call => Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>()));
        var mappings = DaprSecretSettings.MappingsFor(Empty(), ["NetSuite:TokenSecret"], []);

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => DaprSecretSettings.LoadAsync(
            _dapr, "secretstore", mappings, Empty(), TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));

        Assert.Contains("'secretstore'", failure.Message, StringComparison.Ordinal);
        await _dapr.DidNotReceive().GetBulkSecretAsync(
            Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>>(), Arg.Any<CancellationToken>());
    }

    private Task<IReadOnlyDictionary<string, string?>> LoadAsync(
        IReadOnlyList<SecretMapping> mappings, IConfiguration configuration) =>
        DaprSecretSettings.LoadAsync(
            _dapr, "secretstore", mappings, configuration, SidecarTimeout, TestContext.Current.CancellationToken);

    private void Answer(Dictionary<string, Dictionary<string, string>> secrets) =>
        _dapr.GetBulkSecretAsync(
                Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>>(), Arg.Any<CancellationToken>())
            .Returns(secrets);

    private static IConfiguration Empty() => new ConfigurationBuilder().Build();

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
