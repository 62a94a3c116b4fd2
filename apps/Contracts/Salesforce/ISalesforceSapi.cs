using Refit;

namespace DaprSync.Contracts.Salesforce;

/// <summary>HTTP contract of the Salesforce System API (<c>sf-sapi</c>), called through service invocation.</summary>
public interface ISalesforceSapi
{
    /// <summary>Reads an Account; 404 when it does not exist.</summary>
    [Get("/accounts/{accountId}")]
    Task<SalesforceAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Writes the NetSuite id and the sync status back to an Account as the integration user.</summary>
    [Patch("/accounts/{accountId}/sync")]
    Task UpdateAccountSyncAsync(
        string accountId,
        [Body] AccountSyncUpdate update,
        CancellationToken cancellationToken = default);
}
