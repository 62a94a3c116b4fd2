using System.Collections.Concurrent;
using DaprSync.Runtime;
using DaprSync.SalesforceEmulator.Auth;
using DaprSync.SalesforceSapi.Auth;

namespace DaprSync.PubSub.Tests;

// In-memory fakes of the project's own seams (token validator, Salesforce session, event bus, state
// store). The real implementations belong to other parts of the project; these record what they see.

internal sealed class FakeTokenValidator : IAccessTokenValidator
{
    public const string ValidToken = "valid-token";
    public const string OrgId = "00D000000000001AAA";

    public SessionInfo? Validate(string accessToken) => accessToken == ValidToken
        ? new SessionInfo("test-client", "integration@example.com", IsIntegrationUser: true, OrgId)
        : null;
}

internal sealed class FakeSalesforceSession(string firstToken = FakeTokenValidator.ValidToken) : ISalesforceSession
{
    private readonly Lock _gate = new();
    private SalesforceSessionInfo _current = Create(firstToken);

    public int RefreshCount { get; private set; }

    public Task<SalesforceSessionInfo> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_current);

    public Task<SalesforceSessionInfo> RefreshAsync(
        SalesforceSessionInfo stale,
        CancellationToken cancellationToken = default)
    {
        // As the real session does: one refresh per stale token, however many subscribers ask.
        lock (_gate)
        {
            if (stale.AccessToken == _current.AccessToken)
            {
                RefreshCount++;
                _current = Create(FakeTokenValidator.ValidToken);
            }

            return Task.FromResult(_current);
        }
    }

    private static SalesforceSessionInfo Create(string token) =>
        new(token, new Uri("https://emulator.my.salesforce.com"), FakeTokenValidator.OrgId);
}

internal sealed record PublishedMessage(string Topic, object? Data, string? EventId);

internal sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<PublishedMessage> _messages = new();

    /// <summary>Number of upcoming PublishAsync calls that fail, as an unavailable bus would.</summary>
    public int FailuresToInject { get; set; }

    public int FailedCalls { get; private set; }

    public IReadOnlyList<PublishedMessage> Messages => [.. _messages];

    public Task PublishAsync<T>(
        string topic,
        T data,
        string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        if (FailuresToInject > 0)
        {
            FailuresToInject--;
            FailedCalls++;
            throw new HttpRequestException("The bus is unavailable (injected by the test).");
        }

        _messages.Enqueue(new PublishedMessage(topic, data, eventId));
        return Task.CompletedTask;
    }
}

/// <summary>
/// State store with Dapr's ETag rules (a null ETag means the key must be absent) and time-to-live
/// measured on <paramref name="timeProvider"/>, so lease expiry follows a fake clock.
/// </summary>
internal sealed class InMemoryStateStore(TimeProvider? timeProvider = null) : IStateStore
{
    private readonly Dictionary<string, (object? Value, string ETag, DateTimeOffset? ExpiresAt)> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public ConcurrentQueue<string> SavedKeys { get; } = new();

    /// <summary>Number of upcoming SaveAsync calls that throw, as an unreachable store would.</summary>
    public int SaveFailuresToInject { get; set; }

    /// <summary>Number of upcoming TrySaveAsync calls that throw, as an unreachable store would.</summary>
    public int TrySaveFailuresToInject { get; set; }

    public Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(TryGetLive(key, out var entry)
                ? new StateEntry<T>((T)entry.Value!, entry.ETag)
                : null);
        }
    }

    public Task<string> SaveAsync<T>(
        string key,
        T value,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (SaveFailuresToInject > 0)
            {
                SaveFailuresToInject--;
                throw new HttpRequestException("The state store is unavailable (injected by the test).");
            }

            var etag = Store(key, value, timeToLive);
            return Task.FromResult(etag);
        }
    }

    public Task<bool> TrySaveAsync<T>(
        string key,
        T value,
        string? etag,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (TrySaveFailuresToInject > 0)
            {
                TrySaveFailuresToInject--;
                throw new HttpRequestException("The state store is unavailable (injected by the test).");
            }

            var exists = TryGetLive(key, out var current);
            if (etag is null ? exists : !exists || current.ETag != etag)
            {
                return Task.FromResult(false);
            }

            Store(key, value, timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!TryGetLive(key, out var current) || (etag is not null && current.ETag != etag))
            {
                return Task.FromResult(false);
            }

            _entries.Remove(key);
            return Task.FromResult(true);
        }
    }

    private bool TryGetLive(string key, out (object? Value, string ETag, DateTimeOffset? ExpiresAt) entry)
    {
        if (_entries.TryGetValue(key, out entry) && (entry.ExpiresAt is null || entry.ExpiresAt > _time.GetUtcNow()))
        {
            return true;
        }

        _entries.Remove(key);
        return false;
    }

    private string Store<T>(string key, T value, TimeSpan? timeToLive)
    {
        var etag = Guid.NewGuid().ToString();
        _entries[key] = (value, etag, timeToLive is { } ttl ? _time.GetUtcNow() + ttl : null);
        SavedKeys.Enqueue(key);
        return etag;
    }
}
