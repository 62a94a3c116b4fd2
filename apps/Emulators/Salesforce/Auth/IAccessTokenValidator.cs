namespace DaprSync.SalesforceEmulator.Auth;

/// <summary>The user and org behind a valid access token.</summary>
public sealed record SessionInfo(string ClientId, string Username, bool IsIntegrationUser, string OrgId);

/// <summary>Checks access tokens issued by the emulator's OAuth endpoint, for REST and the Pub/Sub API alike.</summary>
public interface IAccessTokenValidator
{
    /// <summary>Returns the session of a valid, unexpired token; null otherwise.</summary>
    SessionInfo? Validate(string accessToken);
}
