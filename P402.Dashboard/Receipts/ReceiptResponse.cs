using P402.Core.Receipts;

namespace P402.Dashboard.Receipts;

/// <summary>The receipt object of the REST API.</summary>
public sealed record ReceiptResponse(
    string Id,
    string SettlementId,
    string Resource,
    string Payer,
    long ReuseCount,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    string? RevokedBy,
    string State)
{
    public static ReceiptResponse From(ReceiptView view) => new(
        view.Id, view.SettlementId, view.Resource, view.Payer, view.ReuseCount, view.CreatedAt, view.ExpiresAt,
        view.RevokedAt, view.RevokedBy, view.State.ToString().ToLowerInvariant());
}
