using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Outcomes;
using Microsoft.Extensions.Logging;
using Refit;

namespace DaprSync.Orchestrator.CustomerSync;

public sealed partial class CustomerSynchronizer
{
    /// <summary>
    /// Writes the result to the Account: on success the NetSuite id (only when the Account had none),
    /// <c>Synced</c> and a cleared error, on failure <c>Failed</c> and the error text.
    /// </summary>
    private async Task<RecordResult> WriteBackAsync(
        SalesforceAccount account,
        RecordResult result,
        CancellationToken cancellationToken)
    {
        var synced = result.Outcome == SyncOutcomes.Synced;
        var update = synced
            ? new AccountSyncUpdate(account.NetSuiteId is null ? result.NetSuiteId : null, SyncStatus.Synced, null)
            : new AccountSyncUpdate(null, SyncStatus.Failed, result.Message);

        try
        {
            await SystemApiCall.RunAsync(
                $"Writing the sync status back to Account {account.Id}",
                () => salesforce.UpdateAccountSyncAsync(account.Id, update, cancellationToken),
                cancellationToken);
            return result;
        }
        catch (ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            logger.WritebackRejected(account.Id, rejection.ErrorCode, rejection.Detail);
            if (!synced)
            {
                return result;
            }

            // The Customer exists but the Account lacks its id. The next event for the Account finds
            // the Customer by external id and repeats the writeback.
            var message = $"Account {account.Id}: Customer {result.NetSuiteId} was saved in NetSuite, but the "
                + $"writeback to Salesforce was rejected: {rejection.Detail}";
            return result with
            {
                Outcome = SyncOutcomes.Failed,
                ErrorCode = rejection.ErrorCode,
                Message = message,
                Field = rejection.Field,
            };
        }
    }

    private async Task<RecordResult> RecordAsync(RecordResult result, CancellationToken cancellationToken)
    {
        await outcomes.RecordAsync(Flow, result, cancellationToken);
        if (result.Outcome == SyncOutcomes.Synced)
        {
            logger.AccountSynced(result.RecordId, result.NetSuiteId);
        }
        else
        {
            logger.AccountSyncFailed(result.RecordId, result.ErrorCode, result.Field, result.Message);
        }

        return result;
    }
}
