using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.ApiKeys;

/// <summary>Create, list, revoke and authenticate merchant API keys.</summary>
public sealed class ApiKeyService(IDbContextFactory<P402DbContext> contexts, TimeProvider time, MerchantEvents events, ApiKeyCache cache)
{
    public const int MaxNameLength = ApiKeyName.MaxLength;

    public async Task<CreatedApiKey> CreateAsync(string merchantId, string name, ApiKeyScopes scopes, ApiKeyMode mode, string createdBy, CancellationToken cancellationToken)
    {
        if (ApiKeyName.Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        name = name.Trim();
        if (scopes == ApiKeyScopes.None || (scopes & ~ApiKeyScopes.All) != 0)
        {
            throw new ArgumentException("A key needs at least one known scope.", nameof(scopes));
        }
        var secret = ApiKeySecret.Generate(mode);
        var key = new ApiKey
        {
            Id = Ids.New(ApiKey.IdPrefix, time),
            MerchantId = merchantId,
            Name = name,
            SecretHash = ApiKeySecret.Hash(secret),
            DisplayPrefix = ApiKeySecret.DisplayPrefix(secret),
            Mode = mode,
            Scopes = scopes,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ApiKeysChanged, key.Id));
        return new CreatedApiKey(ApiKeySummary.From(key), secret);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.MerchantId == merchantId)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
        return keys.ConvertAll(ApiKeySummary.From);
    }

    /// <summary>Revokes a key of this merchant; false when there is no such key. Idempotent.</summary>
    public async Task<bool> RevokeAsync(string merchantId, string keyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.MerchantId == merchantId, cancellationToken);
        if (key is null)
        {
            return false;
        }
        key.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.SecretHash);
        events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ApiKeysChanged, key.Id));
        return true;
    }

    /// <summary>The caller behind a secret, or null for an unknown or revoked key.</summary>
    public async Task<ApiKeyPrincipal?> AuthenticateAsync(string? secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.LooksValid(secret))
        {
            return null;
        }
        var hash = ApiKeySecret.Hash(secret!);
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await db.ApiKeys.Where(k => k.Id == key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        var principal = new ApiKeyPrincipal(key.Id, key.MerchantId, key.Scopes, key.Mode);
        cache.Remember(hash, principal);
        return principal;
    }
}
