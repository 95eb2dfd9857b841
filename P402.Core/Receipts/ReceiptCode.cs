namespace P402.Core.Receipts;

/// <summary>Why a receipt is not good for a request, or why one can't be issued.</summary>
public enum ReceiptCode
{
    ReceiptExpired,
    ReceiptRevoked,
    ReceiptNotFound,
    ReceiptResourceMismatch,
    InvalidSettlementReference,
    SettlementNotFound,
    SettlementNotConfirmed,
    InvalidTtl,
    InvalidResource,
}
