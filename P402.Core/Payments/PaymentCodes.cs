namespace P402.Core.Payments;

/// <summary>How each <see cref="PaymentCode"/> is written on the wire: P402's name and x402's reason.</summary>
public static class PaymentCodes
{
    public static string Name(PaymentCode code) => code switch
    {
        PaymentCode.InvalidPayload => "INVALID_PAYLOAD",
        PaymentCode.UnsupportedScheme => "UNSUPPORTED_SCHEME",
        PaymentCode.NetworkMismatch => "NETWORK_MISMATCH",
        PaymentCode.AssetNotSupported => "ASSET_NOT_SUPPORTED",
        PaymentCode.RecipientMismatch => "RECIPIENT_MISMATCH",
        PaymentCode.AmountMismatch => "AMOUNT_MISMATCH",
        PaymentCode.AuthorizationExpired => "AUTHORIZATION_EXPIRED",
        PaymentCode.AuthorizationNotYetValid => "AUTHORIZATION_NOT_YET_VALID",
        PaymentCode.InvalidSignature => "INVALID_SIGNATURE",
        PaymentCode.WalletFactoryNotAllowed => "WALLET_FACTORY_NOT_ALLOWED",
        PaymentCode.ReplayDetected => "REPLAY_DETECTED",
        PaymentCode.InsufficientFunds => "INSUFFICIENT_FUNDS",
        PaymentCode.GasPriceTooHigh => "GAS_PRICE_TOO_HIGH",
        PaymentCode.GasLimitExceeded => "GAS_LIMIT_EXCEEDED",
        PaymentCode.SimulationFailed => "SIMULATION_FAILED",
        PaymentCode.SettlementFailed => "SETTLEMENT_FAILED",
        PaymentCode.SettlementPending => "SETTLEMENT_PENDING",
        PaymentCode.RpcUnavailable => "RPC_UNAVAILABLE",
    };

    /// <summary>The x402 <c>invalidReason</c>/<c>errorReason</c>; v1 spells the amount mismatch differently.</summary>
    public static string X402Reason(PaymentCode code, int x402Version) => code switch
    {
        PaymentCode.InvalidPayload => "invalid_payload",
        PaymentCode.UnsupportedScheme => "invalid_exact_evm_scheme",
        PaymentCode.NetworkMismatch => "invalid_exact_evm_network_mismatch",
        PaymentCode.AssetNotSupported => "asset_not_supported",
        PaymentCode.RecipientMismatch => "invalid_exact_evm_recipient_mismatch",
        PaymentCode.AmountMismatch => x402Version == 1
            ? "invalid_exact_evm_authorization_value"
            : "invalid_exact_evm_payload_authorization_value_mismatch",
        PaymentCode.AuthorizationExpired => "invalid_exact_evm_payload_authorization_valid_before",
        PaymentCode.AuthorizationNotYetValid => "invalid_exact_evm_payload_authorization_valid_after",
        PaymentCode.InvalidSignature => "invalid_exact_evm_signature",
        PaymentCode.WalletFactoryNotAllowed => "invalid_exact_evm_signature",
        PaymentCode.ReplayDetected => "invalid_exact_evm_nonce_already_used",
        PaymentCode.InsufficientFunds => "invalid_exact_evm_insufficient_balance",
        PaymentCode.GasPriceTooHigh => "gas_price_too_high",
        PaymentCode.GasLimitExceeded => "gas_limit_exceeded",
        PaymentCode.SimulationFailed => "invalid_exact_evm_transaction_simulation_failed",
        PaymentCode.SettlementFailed => "invalid_exact_evm_transaction_failed",
        PaymentCode.SettlementPending => "settlement_pending",
        PaymentCode.RpcUnavailable => "unexpected_verify_error",
    };
}
