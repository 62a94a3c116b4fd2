using Microsoft.Extensions.Options;

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
    /// during a burst. In the orders benchmark (1,000 orders, 5 NetSuite slots at 200 ms a call) 100 instances
    /// reached 0.88 of the bound set by NetSuite's limit and 200 reached 0.93.
    /// </remarks>
    public int MaxConcurrentInstances { get; set; } = 200;
}

internal sealed class WorkflowRunnerOptionsValidator : IValidateOptions<WorkflowRunnerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowRunnerOptions options) =>
        options.MaxConcurrentInstances is < 1 or > 10_000
            ? ValidateOptionsResult.Fail(
                $"{WorkflowRunnerOptions.SectionName}:{nameof(WorkflowRunnerOptions.MaxConcurrentInstances)} is "
                + $"{options.MaxConcurrentInstances}: set 1 to 10000.")
            : ValidateOptionsResult.Success;
}
