using Dapr.Workflow;

namespace DaprSync.Runtime.Tests.Workflows.Duplicates;

/// <summary>Same type name as the main test activity, to check that the catalog rejects the clash.</summary>
public sealed class ReserveActivity : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input) => Task.FromResult(input);
}
