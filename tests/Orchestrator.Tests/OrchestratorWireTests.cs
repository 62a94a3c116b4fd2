using System.Text;
using System.Text.Json;
using DaprSync.Contracts;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Runtime.InProcess;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Orchestrator.Tests;

/// <summary>
/// The orchestrator as the standalone host runs it: the in-process runtime (SQLite state store, app
/// directory) and the real Refit clients, which reach a loopback stub of both System APIs by app id.
/// </summary>
public sealed class OrchestratorWireTests : IAsyncLifetime
{
    private const string AccountId = "001000000000001AAA";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"orchestrator-{Guid.NewGuid():N}.db");
    private InProcessRuntime runtime = null!;
    private SystemApiStub systemApis = null!;
    private LoopbackApp orchestrator = null!;

    public async ValueTask InitializeAsync()
    {
        systemApis = await SystemApiStub.StartAsync();
        runtime = new InProcessRuntime(databasePath);
        runtime.Apps.Register(AppIds.SalesforceSapi, systemApis.BaseAddress);
        runtime.Apps.Register(AppIds.NetSuiteSapi, systemApis.BaseAddress);
        orchestrator = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(runtime);
                builder.AddOrchestrator();
            },
            app => app.MapOrchestrator());
    }

    public async ValueTask DisposeAsync()
    {
        await orchestrator.DisposeAsync();
        await systemApis.DisposeAsync();
        await runtime.DisposeAsync();
        File.Delete(databasePath);
    }

    [Fact]
    public async Task Deliver_NewAccount_SyncsOverHttp()
    {
        systemApis.Salesforce.Add(TestAccounts.Alfreds(AccountId));

        var status = await DeliverAsync("evt-1");

        Assert.Equal("SUCCESS", status);
        var upsert = Assert.Single(systemApis.NetSuite.Upserts);
        Assert.Equal("Alfreds Futterkiste", upsert.CompanyName);
        Assert.Equal("DE", Assert.Single(upsert.Addresses).CountryCode);
        var (_, update) = Assert.Single(systemApis.Salesforce.Writebacks);
        Assert.Equal(new AccountSyncUpdate("1001", SyncStatus.Synced, null), update);
        var outcome = Assert.Single(await OutcomesAsync());
        Assert.Equal(SyncOutcomes.Synced, outcome.Outcome);
    }

    [Fact]
    public async Task Deliver_ProblemDetails422_RecordsCodeAndField()
    {
        systemApis.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        systemApis.CustomerResponses.Enqueue(SystemApiStub.Rejection(
            "INVALID_FLD_VALUE", "vatRegNumber", "Invalid VAT registration number DE123456789."));

        var status = await DeliverAsync("evt-2");

        Assert.Equal("SUCCESS", status);
        var outcome = Assert.Single(await OutcomesAsync());
        Assert.Equal(SyncOutcomes.Failed, outcome.Outcome);
        Assert.Equal("INVALID_FLD_VALUE", outcome.ErrorCode);
        Assert.Equal("vatRegNumber", outcome.Field);
        Assert.Contains("Invalid VAT registration number DE123456789.", outcome.Message, StringComparison.Ordinal);
        var (_, update) = Assert.Single(systemApis.Salesforce.Writebacks);
        Assert.Equal(SyncStatus.Failed, update.SyncStatus);
    }

    [Fact]
    public async Task Deliver_ServiceUnavailable503_ReturnsRetry()
    {
        systemApis.Salesforce.Add(TestAccounts.Alfreds(AccountId));
        systemApis.CustomerResponses.Enqueue(TypedResults.Problem(
            "NetSuite did not respond.", statusCode: StatusCodes.Status503ServiceUnavailable));

        var status = await DeliverAsync("evt-3");

        Assert.Equal("RETRY", status);
        Assert.Empty(systemApis.Salesforce.Writebacks);
        Assert.Empty(await OutcomesAsync());
    }

    [Fact]
    public async Task Deliver_AccountMissing404_RecordsNotFound()
    {
        var status = await DeliverAsync("evt-4");

        Assert.Equal("SUCCESS", status);
        Assert.Equal("NOT_FOUND", Assert.Single(await OutcomesAsync()).ErrorCode);
    }

    private async Task<string?> DeliverAsync(string eventId)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var data = JsonSerializer.Serialize(TestAccounts.Changed(AccountId, eventId), JsonSerializerOptions.Web);
        var cloudEvent = $$"""
            {"specversion":"1.0","id":"{{eventId}}","source":"sf-sapi","type":"com.dapr.event.sent",
             "datacontenttype":"application/json","data":{{data}}}
            """;
        using var client = new HttpClient { BaseAddress = orchestrator.BaseAddress };
        using var content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json");
        var route = CustomerSyncApi.AccountChangedRoute.TrimStart('/');
        using var response = await client.PostAsync(route, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("status").GetString();
    }

    private Task<IReadOnlyList<SyncOutcome>> OutcomesAsync() =>
        orchestrator.Services.GetRequiredService<SyncOutcomeStore>()
            .ListAsync(CustomerSynchronizer.Flow, TestContext.Current.CancellationToken);
}
