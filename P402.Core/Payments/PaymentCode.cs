namespace P402.Core.Payments;

/// <summary>P402's stable payment reason codes (DESIGN.md, "Verify" and "Settle").</summary>
public enum PaymentCode
{
    InvalidPayload,
    UnsupportedScheme,
    NetworkMismatch,
    AssetNotSupported,
    RecipientMismatch,
    AmountMismatch,
    AuthorizationExpired,
    AuthorizationNotYetValid,
    InvalidSignature,
    WalletFactoryNotAllowed,
    ReplayDetected,
    InsufficientFunds,
    GasPriceTooHigh,
    GasLimitExceeded,
    SimulationFailed,
    SettlementFailed,
    SettlementPending,
    RpcUnavailable,
}
