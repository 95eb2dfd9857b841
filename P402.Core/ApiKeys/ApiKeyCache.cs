using P402.Core.Common;

namespace P402.Core.ApiKeys;

/// <summary>
/// Remembers authenticated keys for a few seconds so that the hot paths (verify, receipt verify)
/// don't query the key table on every request. Revocation on this instance forgets at once; other
/// instances see it within <see cref="Lifetime"/>. Last-used time is refreshed each time it lapses.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = ShortLivedCache<ApiKeyPrincipal>.Lifetime;
    private readonly ShortLivedCache<ApiKeyPrincipal> _entries = new(time);

    internal bool TryGet(string hash, out ApiKeyPrincipal? principal) => _entries.TryGet(hash, out principal);

    internal void Remember(string hash, ApiKeyPrincipal principal) => _entries.Remember(hash, principal);

    internal void Forget(string hash) => _entries.Forget(hash);
}
