namespace P402.Merchant;

/// <summary>Filters for <c>GET /api/v1/settlements</c>; null members are left out of the query string.</summary>
public sealed record SettlementQuery
{
    public string? Status { get; init; }

    public string? Payer { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}
