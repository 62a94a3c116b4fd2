using System.Net;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Outcomes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// Syncs one Salesforce Account to a NetSuite Customer: read, sync a parent that is not in NetSuite yet,
/// map, upsert, write the outcome back to the Account and record it. Safe to repeat, because the upsert
/// is keyed by internal id or by the Account id as external id, so a redelivery finds the same Customer.
/// </summary>
public sealed partial class CustomerSynchronizer(
    ISalesforceSapi salesforce,
    INetSuiteSapi netSuite,
    AccountToCustomerMapper mapper,
    SyncOutcomeStore outcomes,
    IOptions<CustomerSyncOptions> options,
    ILogger<CustomerSynchronizer> logger)
{
    /// <summary>Flow name under which outcomes are recorded.</summary>
    public const string Flow = "customer";

    /// <summary>Syncs the Account and returns its recorded result.</summary>
    /// <exception cref="TransientSyncException">A System API call may pass later; nothing was recorded.</exception>
    public Task<RecordResult> SyncAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return SyncAsync(accountId, [], cancellationToken);
    }

    // descendants lists the Accounts that wait for this one, nearest last, to detect cycles and depth.
    private async Task<RecordResult> SyncAsync(
        string accountId,
        IReadOnlyList<string> descendants,
        CancellationToken cancellationToken)
    {
        var account = await ReadAccountAsync(accountId, cancellationToken);
        if (account is null)
        {
            var missing = RecordResult.Failed(
                accountId, "NOT_FOUND", $"Account {accountId} was not found in Salesforce.", null);
            return await RecordAsync(missing, cancellationToken);
        }

        RecordResult result;
        try
        {
            var parentInternalId = await ResolveParentAsync(account, descendants, cancellationToken);
            var request = mapper.Map(account, parentInternalId);
            result = await UpsertAsync(request, cancellationToken);
        }
        catch (AccountMappingException exception)
        {
            result = RecordResult.Failed(account.Id, exception.ErrorCode, exception.Message, exception.Field);
        }

        result = await WriteBackAsync(account, result, cancellationToken);
        return await RecordAsync(result, cancellationToken);
    }

    private async Task<SalesforceAccount?> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            return await SystemApiCall.RunAsync(
                $"Reading Account {accountId}",
                () => salesforce.GetAccountAsync(accountId, cancellationToken),
                cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<string?> ResolveParentAsync(
        SalesforceAccount account,
        IReadOnlyList<string> descendants,
        CancellationToken cancellationToken)
    {
        var parentId = AccountToCustomerMapper.Trimmed(account.ParentId);
        if (parentId is null || account.ParentNetSuiteId is not null)
        {
            return account.ParentNetSuiteId;
        }

        if (parentId == account.Id || descendants.Contains(parentId))
        {
            throw new AccountMappingException(
                account.Id,
                "ParentId",
                parentId,
                MappingErrorCodes.ParentCycle,
                "is part of a cycle of parent Accounts");
        }

        var maxDepth = options.Value.MaxParentDepth;
        if (descendants.Count >= maxDepth)
        {
            throw new AccountMappingException(
                account.Id,
                "ParentId",
                parentId,
                MappingErrorCodes.ParentDepthExceeded,
                $"is more than {maxDepth} levels of unsynced parents up (CustomerSync:MaxParentDepth)");
        }

        logger.ParentSyncStarted(account.Id, parentId);
        var parent = await SyncAsync(parentId, [.. descendants, account.Id], cancellationToken);
        return parent.Outcome == SyncOutcomes.Synced
            ? parent.NetSuiteId
            : throw new AccountMappingException(
                account.Id,
                "ParentId",
                parentId,
                MappingErrorCodes.ParentNotSynced,
                $"could not be synced first ({parent.Message})");
    }

    private async Task<RecordResult> UpsertAsync(CustomerUpsertRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var upserted = await SystemApiCall.RunAsync(
                $"Upserting the Customer of Account {request.ExternalId}",
                () => netSuite.UpsertCustomerAsync(request, cancellationToken),
                cancellationToken);
            return RecordResult.Synced(request.ExternalId, upserted.InternalId);
        }
        catch (ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            var field = rejection.Field is null ? string.Empty : $" on field {rejection.Field}";
            var message =
                $"Account {request.ExternalId}: NetSuite rejected the Customer{field} with {rejection.ErrorCode}: {rejection.Detail}";
            return RecordResult.Failed(request.ExternalId, rejection.ErrorCode, message, rejection.Field);
        }
    }
}
