namespace P402.Merchant;

/// <summary>Filters for <c>GET /api/v1/receipts</c>; null members are left out of the query string.</summary>
public sealed record ReceiptQuery
{
    /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>.</summary>
    public string? State { get; init; }

    public string? Resource { get; init; }

    public string? Payer { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}
