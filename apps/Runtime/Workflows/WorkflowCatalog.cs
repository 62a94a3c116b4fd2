using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DaprSync.Runtime.Workflows;

/// <summary>
/// The registered workflow and activity types by name. Names are the type names and match case-insensitively,
/// as in Dapr Workflow's own registry; instances are built with constructor injection from a service provider.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<string, Type> _workflows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    public WorkflowCatalog(DaprSyncWorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var type in options.Workflows)
        {
            Add(_workflows, type, "workflow");
        }

        foreach (var type in options.Activities)
        {
            Add(_activities, type, "activity");
        }
    }

    public IReadOnlyCollection<string> WorkflowNames => _workflows.Keys;

    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    public bool ContainsWorkflow(string name) => _workflows.ContainsKey(name);

    /// <summary>Builds the workflow registered as <paramref name="name"/>, or returns null when none is.</summary>
    public IWorkflow? CreateWorkflow(string name, IServiceProvider services) =>
        _workflows.TryGetValue(name, out var type)
            ? (IWorkflow)ActivatorUtilities.CreateInstance(services, type)
            : null;

    /// <summary>Builds the activity registered as <paramref name="name"/>, or returns null when none is.</summary>
    public IWorkflowActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var type)
            ? (IWorkflowActivity)ActivatorUtilities.CreateInstance(services, type)
            : null;

    private static void Add(Dictionary<string, Type> registry, Type type, string kind)
    {
        if (registry.TryGetValue(type.Name, out var existing) && existing != type)
        {
            throw new InvalidOperationException(
                $"Two {kind} types are registered under the name '{type.Name}': {existing.FullName} and "
                + $"{type.FullName}. Rename one, because Dapr Workflow resolves {kind} types by type name.");
        }

        registry[type.Name] = type;
    }
}
