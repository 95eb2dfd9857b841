namespace P402.Core.Payments;

/// <summary>Filters and order of the settlements list; all optional. <see cref="Search"/> matches a tx hash or a requestId.</summary>
public sealed record SettlementFilter(
    SettlementStatus? Status = null,
    string? Payer = null,
    DateTime? From = null,
    DateTime? To = null,
    string? Search = null,
    SettlementSort Sort = SettlementSort.CreatedAt,
    bool Descending = true);
