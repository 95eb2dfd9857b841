namespace P402.Core.Receipts;

/// <summary>Which confirmed settlement to receipt (by id or tx hash), for how long and for which resource.</summary>
public sealed record IssueReceipt(string? SettlementId, string? TxHash, long? TtlSeconds, string? Resource);
