namespace P402.Merchant;

/// <summary>
/// A receipt: proof of one settled payment for one resource URL, presented in <c>P402-Receipt</c> instead of
/// paying again until it expires or is revoked. <see cref="State"/> is <c>active</c>, <c>expired</c> or <c>revoked</c>.
/// </summary>
public sealed record Receipt
{
    public required string Id { get; init; }

    public string? SettlementId { get; init; }

    public string? Resource { get; init; }

    public string? Payer { get; init; }

    public long ReuseCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public string? State { get; init; }

    public string? RequestId { get; init; }
}
