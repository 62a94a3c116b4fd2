using DaprSync.Runtime.Dapr;
using DaprSync.Runtime.InProcess.Workflows;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DaprSync.Runtime.Tests.Workflows;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public void AddDaprSyncWorkflows_DaprMode_UsesDapr()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:Mode"] = "Dapr" });
        builder.AddDaprSyncRuntime("orchestrator");

        builder.AddDaprSyncWorkflows(workflows => workflows
            .AddWorkflow<OrderTestWorkflow>()
            .AddActivity<ReserveActivity>());
        using var host = builder.Build();

        // Building the Dapr workflow client opens no connection, so this needs no sidecar.
        Assert.IsType<DaprWorkflowScheduler>(host.Services.GetRequiredService<IWorkflowScheduler>());
        Assert.Null(host.Services.GetService<InProcessWorkflowRunner>());
        Assert.Contains(
            host.Services.GetServices<IHostedService>(),
            service => service.GetType().FullName == "Dapr.Workflow.Worker.WorkflowWorker");
    }

    [Fact]
    public async Task AddDaprSyncWorkflows_InProcess_UsesRunner()
    {
        var path = Path.Combine(Path.GetTempPath(), $"daprsync-wf-{Guid.NewGuid():N}.db");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:SqlitePath"] = path });
        builder.AddDaprSyncRuntime("orchestrator");

        builder.AddDaprSyncWorkflows(workflows => workflows.AddWorkflow<OrderTestWorkflow>());
        await using var host = (IAsyncDisposable)builder.Build();
        var services = ((IHost)host).Services;

        var runner = services.GetRequiredService<InProcessWorkflowRunner>();
        Assert.Same(runner, services.GetRequiredService<IWorkflowScheduler>());
        Assert.Contains(runner, services.GetServices<IHostedService>());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void AddDaprSyncWorkflows_CalledTwice_Throws()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddDaprSyncRuntime("orchestrator");
        builder.AddDaprSyncWorkflows(workflows => workflows.AddWorkflow<OrderTestWorkflow>());

        var error = Assert.Throws<InvalidOperationException>(
            () => builder.AddDaprSyncWorkflows(workflows => workflows.AddWorkflow<TimerWorkflow>()));

        Assert.Contains("called twice", error.Message);
    }

    [Fact]
    public void WorkflowCatalog_DuplicateName_Throws()
    {
        var options = new DaprSyncWorkflowOptions()
            .AddActivity<ReserveActivity>()
            .AddActivity<Duplicates.ReserveActivity>();

        var error = Assert.Throws<InvalidOperationException>(() => new WorkflowCatalog(options));

        Assert.Contains(typeof(ReserveActivity).FullName!, error.Message);
        Assert.Contains(typeof(Duplicates.ReserveActivity).FullName!, error.Message);
    }

    [Fact]
    public void WorkflowCatalog_Lookup_IgnoresCase()
    {
        var catalog = new WorkflowCatalog(new DaprSyncWorkflowOptions().AddWorkflow<OrderTestWorkflow>());

        Assert.True(catalog.ContainsWorkflow("ordertestworkflow"));
        Assert.False(catalog.ContainsWorkflow("OrderSyncWorkflow"));
    }
}
