using Dapr.Workflow;
using Dapr.Workflow.Abstractions;

namespace DaprSync.Runtime.Workflows;

/// <summary>
/// The workflows and activities an app registers. Under Dapr they are passed to Dapr Workflow's registration;
/// in process the runner resolves them by type name, so names match on both runtimes.
/// </summary>
public sealed class DaprSyncWorkflowOptions
{
    private readonly List<Type> workflows = [];
    private readonly List<Type> activities = [];
    private readonly List<Action<WorkflowRuntimeOptions>> daprRegistrations = [];

    public IReadOnlyList<Type> Workflows => workflows;

    public IReadOnlyList<Type> Activities => activities;

    /// <summary>The same registrations as calls on Dapr Workflow's options, applied in Dapr mode.</summary>
    internal IReadOnlyList<Action<WorkflowRuntimeOptions>> DaprRegistrations => daprRegistrations;

    /// <summary>Registers a workflow, a subclass of <c>Dapr.Workflow.Workflow&lt;TInput, TOutput&gt;</c>.</summary>
    public DaprSyncWorkflowOptions AddWorkflow<TWorkflow>()
        where TWorkflow : class, IWorkflow
    {
        workflows.Add(typeof(TWorkflow));
        daprRegistrations.Add(options => options.RegisterWorkflow<TWorkflow>());
        return this;
    }

    /// <summary>Registers an activity, a subclass of <c>Dapr.Workflow.WorkflowActivity&lt;TInput, TOutput&gt;</c>.</summary>
    public DaprSyncWorkflowOptions AddActivity<TActivity>()
        where TActivity : class, IWorkflowActivity
    {
        activities.Add(typeof(TActivity));
        daprRegistrations.Add(options => options.RegisterActivity<TActivity>());
        return this;
    }
}
