namespace P402.Core.Receipts;

/// <summary>
/// Proof that a payer paid for one resource: presented instead of paying again until it expires or
/// the merchant revokes it. Every answered verify adds one to <see cref="ReuseCount"/>.
/// </summary>
public sealed class Receipt
{
    public const string IdPrefix = "rcpt_";

    public required string Id { get; init; }

    public required string MerchantId { get; init; }

    public required string SettlementId { get; init; }

    /// <summary>The normalised resource URL the receipt is good for (and no other).</summary>
    public required string Resource { get; init; }

    public required string Payer { get; init; }

    public long ReuseCount { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Who revoked it: <c>key:key_…</c> or <c>user:…</c>.</summary>
    public string? RevokedBy { get; set; }
}
