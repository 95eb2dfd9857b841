using System.Collections.Concurrent;
using System.Security.Cryptography;
using P402.Core.ApiKeys;

namespace P402.Dashboard.Demo;

/// <summary>
/// The Playground charges as the signed-in merchant: on first use it creates that merchant an API key of its own
/// ("Playground (in memory, this run)", revoking the ones of earlier runs), whose secret stays in this process, and a
/// random token that the Playground's payer presents to <c>/demo/playground/weather</c> so that the endpoint charges
/// with that key and pays that merchant's address.
/// </summary>
internal sealed class PlaygroundMerchants(ApiKeyService keys) : IDisposable
{
    public const string HeaderName = "P402-Playground";
    public const string KeyName = "Playground (in memory, this run)";

    /// <summary>anvil's account 4: the dev chain's receiving address for Playground payments (the demo merchant's is account 5).</summary>
    public const string DefaultPayTo = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

    private readonly ConcurrentDictionary<string, PlaygroundMerchant> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PlaygroundMerchant> _byMerchant = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _creating = new(1, 1);

    public async Task<PlaygroundMerchant> EnsureAsync(string merchantId, CancellationToken cancellationToken)
    {
        if (_byMerchant.TryGetValue(merchantId, out var known) && await IsActiveAsync(known, cancellationToken))
        {
            return known;
        }
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_byMerchant.TryGetValue(merchantId, out known) && await IsActiveAsync(known, cancellationToken))
            {
                return known;
            }
            var created = await keys.CreateAsync(merchantId, KeyName, ApiKeyScopes.Facilitator | ApiKeyScopes.Receipts, ApiKeyMode.Test, "playground", cancellationToken);
            foreach (var previous in await keys.ListAsync(merchantId, cancellationToken))
            {
                if (previous.IsActive && previous.Name == KeyName && previous.Id != created.Key.Id)
                {
                    await keys.RevokeAsync(merchantId, previous.Id, cancellationToken);
                }
            }
            var session = new PlaygroundMerchant(merchantId, created.Key.Id, created.Secret, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), DefaultPayTo);
            if (known is not null)
            {
                _byToken.TryRemove(known.Token, out _);
            }
            _byToken[session.Token] = session;
            _byMerchant[merchantId] = session;
            return session;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>The merchant whose payer sent <paramref name="token"/>, or null.</summary>
    public PlaygroundMerchant? Find(string? token) =>
        !string.IsNullOrEmpty(token) && _byToken.TryGetValue(token, out var session) ? session : null;

    /// <summary>The merchant may have revoked the Playground's key on the API keys page: then the next use makes a new one.</summary>
    private async Task<bool> IsActiveAsync(PlaygroundMerchant session, CancellationToken cancellationToken) =>
        (await keys.ListAsync(session.MerchantId, cancellationToken)).Any(k => k.Id == session.ApiKeyId && k.IsActive);

    public void Dispose() => _creating.Dispose();
}
