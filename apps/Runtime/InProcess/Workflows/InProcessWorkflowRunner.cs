using Dapr.Common.Serialization;
using DaprSync.Runtime.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DaprSync.Runtime.InProcess.Workflows;

/// <summary>
/// Runs an app's workflows in process, journaled in the runtime's SQLite file. Instances run on background
/// tasks, at most <see cref="WorkflowRunnerOptions.MaxConcurrentInstances"/> at once. On start the runner resumes
/// the app's unfinished instances by replaying their journals. On stop it cancels the steps in progress and
/// leaves those instances unfinished for the next start.
/// </summary>
public sealed partial class InProcessWorkflowRunner : IWorkflowScheduler, IHostedLifecycleService
{
    private readonly WorkflowJournal _journal;
    private readonly WorkflowRunEnvironment _environment;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _relaunch = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly string _appId;
    private bool _started;

    public InProcessWorkflowRunner(
        SqliteDatabase database,
        string appId,
        WorkflowCatalog catalog,
        IServiceProvider services,
        TimeProvider time,
        WorkflowRunnerOptions options,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentInstances, 1);

        _appId = appId;
        _journal = new WorkflowJournal(database, appId);
        _environment = new WorkflowRunEnvironment(
            _journal, catalog, services, new JsonDaprSerializer(), time, loggerFactory, _stopping.Token);
        _slots = new SemaphoreSlim(options.MaxConcurrentInstances);
        _logger = loggerFactory.CreateLogger<InProcessWorkflowRunner>();
    }

    /// <summary>Number of instances with a background task in this process, running or waiting for a slot.</summary>
    public int ActiveInstanceCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public async Task<bool> TryStartAsync(
        string workflowName,
        string instanceId,
        object? input,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);

        var inputJson = input is null ? string.Empty : _environment.Serializer.Serialize(input, input.GetType());
        var now = _environment.Time.GetUtcNow();
        if (!await _journal.TryCreateAsync(instanceId, workflowName, inputJson, now, cancellationToken))
        {
            LogAlreadyRunning(_logger, workflowName, instanceId);
            return false;
        }

        LogScheduled(_logger, workflowName, instanceId);
        Launch(instanceId);
        return true;
    }

    public async Task<WorkflowInstanceInfo?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var record = await _journal.GetAsync(instanceId, cancellationToken);
        return record is null
            ? null
            : new WorkflowInstanceInfo(
                record.InstanceId,
                record.WorkflowName,
                record.Status,
                string.IsNullOrEmpty(record.OutputJson) ? null : record.OutputJson,
                record.FailureMessage,
                record.CreatedAt,
                record.CompletedAt);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Resumes unfinished instances once every hosted service of the host has started, so activities that call
    /// the app's own server find it listening. Instances scheduled before this point wait as pending.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _started = true;
        }

        var unfinished = await _journal.ListUnfinishedAsync(cancellationToken);
        LogStarted(_logger, _appId, unfinished.Count);
        foreach (var instanceId in unfinished)
        {
            Launch(instanceId);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            _stopping.Cancel();
            running = [.. _running.Values];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopTimedOut(_logger, _appId, running.Count(task => !task.IsCompleted));
        }

        LogStopped(_logger, _appId, running.Length);
    }

    /// <summary>
    /// Waits until this app has no pending or running instance; returns false when <paramref name="timeout"/>
    /// passed first. Polls the journal every 20 ms of real time.
    /// </summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while ((await _journal.ListUnfinishedAsync(deadline.Token)).Count > 0 || ActiveInstanceCount > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Starts the background task of an instance unless one exists or the runner is not running.</summary>
    private void Launch(string instanceId)
    {
        lock (_gate)
        {
            if (!_started || _stopping.IsCancellationRequested)
            {
                return;
            }

            if (_running.ContainsKey(instanceId))
            {
                // The previous run of this id may be past its last journal read; run again once it has ended.
                _relaunch.Add(instanceId);
                return;
            }

            // The task removes itself under the same lock, so it cannot finish before it is added.
            _running[instanceId] = Task.Run(() => RunInstanceAsync(instanceId));
        }
    }
}
