namespace P402.Core.ApiKeys;

/// <summary>What a list of keys shows: never the secret, never its hash.</summary>
public sealed record ApiKeySummary(
    string Id,
    string Name,
    string DisplayPrefix,
    ApiKeyMode Mode,
    ApiKeyScopes Scopes,
    DateTime CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    internal static ApiKeySummary From(ApiKey key) =>
        new(key.Id, key.Name, key.DisplayPrefix, key.Mode, key.Scopes, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
