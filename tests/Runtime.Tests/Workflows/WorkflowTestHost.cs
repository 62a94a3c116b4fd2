using System.Diagnostics.Metrics;
using System.Text.Json;
using DaprSync.Runtime.InProcess.Workflows;
using DaprSync.Runtime.Observability;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DaprSync.Runtime.Tests.Workflows;

/// <summary>
/// A real host with the in-process runtime and workflow runner on a SQLite file. Disposing it stops the host the
/// way a shutdown does; a second host on the same file is the restarted process.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly IHost _host;

    private WorkflowTestHost(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IWorkflowScheduler Scheduler => _host.Services.GetRequiredService<IWorkflowScheduler>();

    public InProcessWorkflowRunner Runner => _host.Services.GetRequiredService<InProcessWorkflowRunner>();

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkflowTestHost> StartAsync(
        string sqlitePath, ActivityLog log, FakeTimeProvider time, int maxConcurrentInstances = 20)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:SqlitePath"] = sqlitePath,
            ["Runtime:Workflows:MaxConcurrentInstances"] = maxConcurrentInstances.ToString(),
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(log);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(services => new DaprSyncMetrics(
            services.GetRequiredService<IMeterFactory>(), new AppIdentity("orchestrator")));
        builder.AddDaprSyncRuntime("orchestrator");
        builder.AddDaprSyncWorkflows(workflows => workflows
            .AddWorkflow<OrderTestWorkflow>()
            .AddWorkflow<CountdownWorkflow>()
            .AddWorkflow<TimerWorkflow>()
            .AddWorkflow<ExternalEventWorkflow>()
            .AddWorkflow<FanOutWorkflow>()
            .AddWorkflow<OneWayWorkflow>()
            .AddWorkflow<SwitchingWorkflow>()
            .AddActivity<OneWayActivity>()
            .AddActivity<EchoActivity>()
            .AddActivity<ReserveActivity>()
            .AddActivity<WritebackActivity>()
            .AddActivity<TickActivity>()
            .AddActivity<RecordGuidActivity>());
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new WorkflowTestHost(host, time);
    }

    /// <summary>
    /// Polls the instance every few milliseconds of real time until it is finished, advancing the fake clock by
    /// <paramref name="advancePerPoll"/> each time so retry waits and timers fire. Fails after five seconds.
    /// </summary>
    public async Task<WorkflowInstanceInfo> WaitForFinishAsync(string instanceId, TimeSpan? advancePerPoll = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var info = await Scheduler.GetAsync(instanceId, TestContext.Current.CancellationToken);
            if (info?.Status is WorkflowInstanceStatus.Completed or WorkflowInstanceStatus.Failed)
            {
                return info;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Instance {instanceId} is still {info?.Status} after 5 s");
            if (advancePerPoll is { } step)
            {
                Time.Advance(step);
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after 5 s waiting until {description}");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public static T Output<T>(WorkflowInstanceInfo info)
    {
        Assert.True(info.OutputJson is not null, $"Instance {info.InstanceId} has no output");
        return JsonSerializer.Deserialize<T>(info.OutputJson, Web)!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}
