namespace P402.Merchant;

/// <summary>
/// Answer of <c>GET /api/v1/receipts/{id}/verify</c>. An unusable receipt is a value: <see cref="Valid"/> false
/// with <see cref="Reason"/> <c>RECEIPT_EXPIRED</c>, <c>RECEIPT_REVOKED</c>, <c>RECEIPT_NOT_FOUND</c> or
/// <c>RECEIPT_RESOURCE_MISMATCH</c>.
/// </summary>
public sealed record ReceiptVerification
{
    public bool Valid { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public long? ReuseCount { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? Resource { get; init; }

    public string? Payer { get; init; }

    public string? RequestId { get; init; }
}
