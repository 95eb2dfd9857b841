namespace P402.Dashboard.Receipts;

/// <summary><c>POST /api/v1/receipts</c>: a settlement (by id or tx hash), an optional TTL and resource.</summary>
public sealed record IssueReceiptRequest(string? SettlementId, string? TxHash, long? TtlSeconds, string? Resource);
