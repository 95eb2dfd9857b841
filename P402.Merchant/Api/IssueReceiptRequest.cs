namespace P402.Merchant;

/// <summary>Body of <c>POST /api/v1/receipts</c>: name the settlement by id or by transaction hash.</summary>
public sealed record IssueReceiptRequest
{
    public string? SettlementId { get; init; }

    public string? TxHash { get; init; }

    public int? TtlSeconds { get; init; }

    /// <summary>The resource URL the receipt is good for; defaults to the payment's resource.</summary>
    public string? Resource { get; init; }
}
