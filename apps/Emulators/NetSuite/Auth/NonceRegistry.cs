using System.Collections.Concurrent;

namespace DaprSync.NetSuiteEmulator.Auth;

/// <summary>
/// Remembers the nonces seen per token for as long as their timestamps could still be accepted, so a replayed
/// request is rejected even with a fresh-looking timestamp.
/// </summary>
internal sealed class NonceRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>Records a nonce and returns false when the same token already used it within <paramref
    /// name="retention"/>.</summary>
    public bool TryUse(string tokenId, string nonce, TimeSpan retention)
    {
        var now = timeProvider.GetUtcNow();
        SweepExpired(now, retention);

        var key = tokenId + "\n" + nonce;
        var expiry = now + retention;
        while (true)
        {
            if (_expiries.TryAdd(key, expiry))
            {
                return true;
            }

            if (!_expiries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing > now)
            {
                return false;
            }

            if (_expiries.TryUpdate(key, expiry, existing))
            {
                return true;
            }
        }
    }

    private void SweepExpired(DateTimeOffset now, TimeSpan retention)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < retention.Ticks
            || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
    }
}
