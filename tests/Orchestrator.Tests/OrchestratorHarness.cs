using DaprSync.Contracts.Events;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Orchestrator.Tests;

/// <summary>
/// The orchestrator's real registrations with fakes of the project's own seams in place of the System
/// APIs and the state store, which are other apps and the runtime.
/// </summary>
internal sealed class OrchestratorHarness : IAsyncDisposable
{
    private WebApplication app = null!;

    private OrchestratorHarness() => State = new InMemoryStateStore(Time);

    public FakeSalesforceSapi Salesforce { get; } = new();

    public FakeNetSuiteSapi NetSuite { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public InMemoryStateStore State { get; }

    public AccountToCustomerMapper Mapper => app.Services.GetRequiredService<AccountToCustomerMapper>();

    /// <summary>Builds the orchestrator's container without starting a server.</summary>
    public static OrchestratorHarness Create(IDictionary<string, string?>? settings = null)
    {
        var harness = new OrchestratorHarness();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddOrchestrator();
        ReplaceSeams(builder.Services, harness.Salesforce, harness.NetSuite, harness.Time, harness.State);
        harness.app = builder.Build();
        return harness;
    }

    /// <summary>Puts the fakes in place of the System API clients, the state store and the clock.</summary>
    public static void ReplaceSeams(
        IServiceCollection services,
        ISalesforceSapi salesforce,
        INetSuiteSapi netSuite,
        TimeProvider time,
        IStateStore state)
    {
        services.AddSingleton(salesforce);
        services.AddSingleton(netSuite);
        services.AddSingleton(time);
        services.AddSingleton(state);
    }

    public async Task<TopicResponse> DeliverAsync(AccountChangedEvent? changed, string? cloudEventId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<AccountChangedHandler>();
        return await handler.HandleAsync(changed, cloudEventId, TestContext.Current.CancellationToken);
    }

    public Task<IReadOnlyList<SyncOutcome>> OutcomesAsync()
    {
        var store = app.Services.GetRequiredService<SyncOutcomeStore>();
        return store.ListAsync("customer", TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
