namespace P402.Core.Receipts;

/// <summary>A receipt as callers see it, with its state at the time of reading.</summary>
public sealed record ReceiptView(
    string Id,
    string SettlementId,
    string Resource,
    string Payer,
    long ReuseCount,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    string? RevokedBy,
    ReceiptState State)
{
    internal static ReceiptView From(Receipt receipt, DateTime now) => new(
        receipt.Id, receipt.SettlementId, receipt.Resource, receipt.Payer, receipt.ReuseCount, receipt.CreatedAt,
        receipt.ExpiresAt, receipt.RevokedAt, receipt.RevokedBy,
        receipt.RevokedAt is not null ? ReceiptState.Revoked : receipt.ExpiresAt <= now ? ReceiptState.Expired : ReceiptState.Active);
}
