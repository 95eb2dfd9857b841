namespace P402.Core.ApiKeys;

/// <summary>
/// A merchant's server credential. Only the SHA-256 of the secret is kept; <see cref="DisplayPrefix"/>
/// lets a person tell keys apart without the secret.
/// </summary>
public sealed class ApiKey
{
    public const string IdPrefix = "key_";

    public required string Id { get; init; }

    public required string MerchantId { get; init; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the whole secret; unique.</summary>
    public required string SecretHash { get; init; }

    /// <summary>The first characters of the secret, e.g. <c>p402_live_Ab3x</c>.</summary>
    public required string DisplayPrefix { get; init; }

    public ApiKeyMode Mode { get; init; }

    public ApiKeyScopes Scopes { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Who created it: a user id, or "cli".</summary>
    public string? CreatedBy { get; init; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
