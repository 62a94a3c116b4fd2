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
    /// <remarks>
    /// An order instance mostly waits: for one of NetSuite's few request slots, then for the shared read of its
    /// Sales Order number. The default leaves enough instances waiting for a slot to keep NetSuite's limit busy
    /// during a burst; the orders benchmark reached 86% of the bound with 20 and 93% with 200.
    /// </remarks>
    [Range(1, 10_000)]
    public int MaxConcurrentInstances { get; set; } = 200;
}
