namespace DaprSync.SalesforceSapi.Auth;

/// <summary>
/// An OAuth session: the access token, the org's <c>instance_url</c>, the org id (Pub/Sub <c>tenantid</c>) and
/// the id of the user the session runs as, null when the token response did not name it.
/// </summary>
public sealed record SalesforceSessionInfo(string AccessToken, Uri InstanceUrl, string OrgId, string? UserId = null);

/// <summary>Hands out the integration user's Salesforce session, shared by REST and the Pub/Sub API.</summary>
public interface ISalesforceSession
{
    /// <summary>Returns the cached session, authenticating first when there is none.</summary>
    Task<SalesforceSessionInfo> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Discards <paramref name="stale"/> and authenticates again (once per stale token, however many callers ask).</summary>
    Task<SalesforceSessionInfo> RefreshAsync(SalesforceSessionInfo stale, CancellationToken cancellationToken = default);
}
