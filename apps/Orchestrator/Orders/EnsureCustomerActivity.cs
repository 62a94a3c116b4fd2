using Dapr.Workflow;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Outcomes;

namespace DaprSync.Orchestrator.Orders;

/// <summary>
/// Syncs the Order's Account to a NetSuite Customer with the customer flow's own code, which also syncs an
/// unsynced parent first, writes the Account back and records the customer outcome. A failed Account is a
/// permanent failure of the Order; a transient failure throws for the retry policy.
/// </summary>
public sealed class EnsureCustomerActivity(IServiceScopeFactory scopes)
    : WorkflowActivity<EnsureCustomerInput, EnsureCustomerResult>
{
    public override async Task<EnsureCustomerResult> RunAsync(WorkflowActivityContext context, EnsureCustomerInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        if (string.IsNullOrWhiteSpace(input.AccountId))
        {
            var missing = new OrderStepFailure(
                OrderErrorCodes.RequiredFieldMissing, $"Order {input.OrderId}: AccountId is missing.", "AccountId");
            return new EnsureCustomerResult(null, missing);
        }

        // CustomerSynchronizer is scoped like the customer flow's handler, so each run gets its own scope
        // whatever lifetime the workflow runtime gives its activities.
        await using var scope = scopes.CreateAsyncScope();
        var synchronizer = scope.ServiceProvider.GetRequiredService<CustomerSynchronizer>();
        var customer = await synchronizer.SyncAsync(input.AccountId, context.CancellationToken);
        if (customer.Outcome == SyncOutcomes.Synced && customer.NetSuiteId is not null)
        {
            return new EnsureCustomerResult(customer.NetSuiteId, null);
        }

        var failure = new OrderStepFailure(
            OrderErrorCodes.CustomerNotSynced,
            $"Order {input.OrderId}: Account {input.AccountId} could not be synced to NetSuite first "
            + $"({customer.ErrorCode}: {customer.Message})",
            "AccountId");
        return new EnsureCustomerResult(null, failure);
    }
}
