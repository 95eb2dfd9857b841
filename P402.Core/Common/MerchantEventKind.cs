namespace P402.Core.Common;

public enum MerchantEventKind
{
    SettlementChanged,
    ReceiptIssued,
    ReceiptReused,
    ReceiptRevoked,
    ApiKeysChanged,
    SettingsChanged,

    /// <summary>New entries in the payment log (the entity id is empty: a batch may hold many).</summary>
    PaymentLogged,
}
