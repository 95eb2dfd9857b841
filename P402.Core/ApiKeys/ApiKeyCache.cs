using System.Collections.Concurrent;

namespace P402.Core.ApiKeys;

/// <summary>
/// Remembers authenticated keys for a few seconds so that the hot paths (verify, receipt verify)
/// don't query the key table on every request. Revocation on this instance forgets at once; other
/// instances see it within <see cref="Lifetime"/>. Last-used time is refreshed each time it lapses.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (ApiKeyPrincipal Principal, long Until)> _entries = new(StringComparer.Ordinal);

    internal bool TryGet(string hash, out ApiKeyPrincipal? principal)
    {
        principal = null;
        if (_entries.TryGetValue(hash, out var entry) && entry.Until > time.GetTimestamp())
        {
            principal = entry.Principal;
            return true;
        }
        return false;
    }

    internal void Remember(string hash, ApiKeyPrincipal principal) =>
        _entries[hash] = (principal, time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));

    internal void Forget(string hash) => _entries.TryRemove(hash, out _);
}
