using P402.Core.Common;

namespace P402.Core.ApiKeys;

/// <summary>
/// Remembers authenticated keys for a few seconds so that the hot paths (verify, receipt verify)
/// don't query the key table on every request. Revocation on this instance forgets at once; other
/// instances forget when the key's <see cref="MerchantEventKind.ApiKeysChanged"/> event reaches them, and
/// at the latest after <see cref="Lifetime"/>. Last-used time is refreshed each time it lapses.
/// </summary>
public sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = ShortLivedCache<ApiKeyPrincipal>.Lifetime;
    private readonly ShortLivedCache<ApiKeyPrincipal> _entries;

    public ApiKeyCache(TimeProvider time, MerchantEvents events)
    {
        _entries = new(time);
        events.SubscribeAll(change =>
        {
            if (change is null)
            {
                _entries.Clear();
            }
            else if (change.Kind == MerchantEventKind.ApiKeysChanged)
            {
                _entries.ForgetWhere(p => p.KeyId == change.EntityId);
            }
        });
    }

    internal bool TryGet(string hash, out ApiKeyPrincipal? principal) => _entries.TryGet(hash, out principal);

    internal void Remember(string hash, ApiKeyPrincipal principal) => _entries.Remember(hash, principal);

    internal void Forget(string hash) => _entries.Forget(hash);
}
