using System.Collections.Concurrent;
using System.Security.Cryptography;
using DaprSync.SalesforceEmulator.Schema;
using Microsoft.Extensions.Options;

namespace DaprSync.SalesforceEmulator.Auth;

/// <summary>An issued access token with the user it runs as and its expiry.</summary>
public sealed record EmulatorSession(
    string AccessToken,
    string ClientId,
    string Username,
    string UserId,
    bool IsIntegrationUser,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and validates access tokens for the OAuth endpoint, REST and the Pub/Sub API. Tests and the
/// admin endpoint can expire sessions to exercise clients' re-authentication.
/// </summary>
public sealed class SessionStore(IOptions<SalesforceEmulatorOptions> options, TimeProvider timeProvider)
    : IAccessTokenValidator
{
    private readonly ConcurrentDictionary<string, EmulatorSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> userIds = new(StringComparer.OrdinalIgnoreCase);
    private long userSequence;

    public string OrgId => SalesforceId.Normalize(options.Value.OrgId)!;

    /// <summary>Returns the configured clients, or the default integration and data-loading clients.</summary>
    public IReadOnlyList<EmulatorClient> Clients =>
        options.Value.Clients.Count > 0 ? options.Value.Clients : SalesforceEmulatorOptions.DefaultClients;

    /// <summary>Starts a session for <paramref name="client"/> and returns it with its new access token.</summary>
    public EmulatorSession Issue(EmulatorClient client)
    {
        ArgumentNullException.ThrowIfNull(client);

        // Salesforce access tokens start with the org id and an exclamation mark.
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
            .TrimEnd('=').Replace('+', '.').Replace('/', '_');
        var now = timeProvider.GetUtcNow();
        var session = new EmulatorSession(
            $"{OrgId[..15]}!{secret}",
            client.ClientId,
            client.Username,
            UserIdOf(client.Username),
            client.IsIntegrationUser,
            now,
            now.AddMinutes(options.Value.SessionTimeoutMinutes));
        sessions[session.AccessToken] = session;
        return session;
    }

    /// <summary>Returns the unexpired session of a token, or null.</summary>
    public EmulatorSession? Find(string accessToken)
    {
        if (!sessions.TryGetValue(accessToken, out var session))
        {
            return null;
        }

        if (timeProvider.GetUtcNow() < session.ExpiresAt)
        {
            return session;
        }

        sessions.TryRemove(accessToken, out _);
        return null;
    }

    public SessionInfo? Validate(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        return Find(accessToken) is { } session
            ? new SessionInfo(session.ClientId, session.Username, session.IsIntegrationUser, OrgId)
            : null;
    }

    /// <summary>Invalidates every session, like "expire all sessions" in Setup, and returns how many ended.</summary>
    public int ExpireAll()
    {
        var count = sessions.Count;
        sessions.Clear();
        return count;
    }

    /// <summary>Invalidates one access token. Returns false when it was not active.</summary>
    public bool Expire(string accessToken) => sessions.TryRemove(accessToken, out _);

    /// <summary>Returns the stable 18-character User id (prefix 005) of a username.</summary>
    public string UserIdOf(string username) =>
        userIds.GetOrAdd(username, _ => SalesforceId.Create("005", Interlocked.Increment(ref userSequence)));
}
