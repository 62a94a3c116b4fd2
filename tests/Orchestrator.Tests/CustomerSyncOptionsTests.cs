using DaprSync.Orchestrator.CustomerSync;
using DaprSync.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DaprSync.Orchestrator.Tests;

public sealed class CustomerSyncOptionsTests
{
    [Fact]
    public async Task Options_SectionAbsent_UsesSandboxDefaults()
    {
        await using var harness = OrchestratorHarness.Create();

        var request = harness.Mapper.Map(TestAccounts.Alfreds() with { PaymentTerms = "Due on Receipt" }, null);

        Assert.Equal("4", request.TermsId);
        Assert.Equal("1", request.SubsidiaryId);
    }

    [Fact]
    public async Task Options_MapConfigured_ReplacesDefaults()
    {
        await using var harness = OrchestratorHarness.Create(new Dictionary<string, string?>
        {
            ["CustomerSync:SubsidiaryId"] = "3",
            ["CustomerSync:PaymentTerms:Default"] = "9",
            ["CustomerSync:PaymentTerms:Values:Net 90"] = "8",
        });

        var mapped = harness.Mapper.Map(TestAccounts.Alfreds() with { PaymentTerms = "Net 90" }, null);
        var defaulted = harness.Mapper.Map(TestAccounts.Alfreds() with { PaymentTerms = null }, null);

        Assert.Equal("8", mapped.TermsId);
        Assert.Equal("9", defaulted.TermsId);
        Assert.Equal("3", mapped.SubsidiaryId);
        Assert.Throws<AccountMappingException>(() => harness.Mapper.Map(TestAccounts.Alfreds(), null));
    }

    [Theory]
    [InlineData("CustomerSync:SubsidiaryId", "")]
    [InlineData("CustomerSync:SubsidiaryId", "main")]
    [InlineData("CustomerSync:PaymentTerms:Values:Net 30", "thirty")]
    [InlineData("CustomerSync:ShippingCarriers:Default", "0")]
    [InlineData("CustomerSync:MaxParentDepth", "-1")]
    [InlineData("CustomerSync:ProcessedEventRetention", "00:00:00")]
    public async Task StartAsync_InvalidSetting_FailsNamingKey(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddOrchestrator();
                builder.Services.AddSingleton<Runtime.IStateStore>(new Fakes.InMemoryStateStore(TimeProvider.System));
            },
            app => app.MapOrchestrator(),
            settings: settings));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }
}
