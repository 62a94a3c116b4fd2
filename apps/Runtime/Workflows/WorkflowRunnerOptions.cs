using System.ComponentModel.DataAnnotations;

namespace DaprSync.Runtime.Workflows;

/// <summary>Settings of the <c>Runtime:Workflows</c> section, read by the in-process workflow runner.</summary>
public sealed class WorkflowRunnerOptions
{
    public const string SectionName = "Runtime:Workflows";

    /// <summary>
    /// Maximum number of workflow instances the in-process runner executes at once; further instances stay
    /// pending until a slot frees up. Under Dapr the sidecar's workflow settings limit concurrency instead.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentInstances { get; set; } = 20;
}
