namespace P402.Core.Common;

public enum MerchantEventKind
{
    SettlementChanged,
    ReceiptIssued,
    ReceiptReused,
    ReceiptRevoked,
    ApiKeysChanged,
    SettingsChanged,
}
