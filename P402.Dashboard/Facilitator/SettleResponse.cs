using P402.Dashboard.Receipts;

namespace P402.Dashboard.Facilitator;

/// <summary>
/// x402's settle response (<c>transaction</c> is "" when nothing was sent) plus P402's fields,
/// the settlement id and, when asked for, the receipt (or, when it could not be issued although the
/// payment settled, <see cref="ReceiptError"/> saying why).
/// </summary>
public sealed record SettleResponse(
    bool Success,
    string? ErrorReason,
    string? ErrorMessage,
    string Transaction,
    string Network,
    string Payer,
    string TxHash,
    bool Valid,
    string? Reason,
    string? Message,
    string? SettlementId,
    string? Status,
    ReceiptResponse? Receipt,
    ReceiptErrorResponse? ReceiptError,
    string RequestId);
