namespace P402.Core.Receipts;

public static class ReceiptCodes
{
    public static string Name(ReceiptCode code) => code switch
    {
        ReceiptCode.ReceiptExpired => "RECEIPT_EXPIRED",
        ReceiptCode.ReceiptRevoked => "RECEIPT_REVOKED",
        ReceiptCode.ReceiptNotFound => "RECEIPT_NOT_FOUND",
        ReceiptCode.ReceiptResourceMismatch => "RECEIPT_RESOURCE_MISMATCH",
        ReceiptCode.InvalidSettlementReference => "INVALID_SETTLEMENT_REFERENCE",
        ReceiptCode.SettlementNotFound => "SETTLEMENT_NOT_FOUND",
        ReceiptCode.SettlementNotConfirmed => "SETTLEMENT_NOT_CONFIRMED",
        ReceiptCode.InvalidTtl => "INVALID_TTL",
        ReceiptCode.InvalidResource => "INVALID_RESOURCE",
    };
}
