using P402.Core.Payments;
using P402.Dashboard.Receipts;

namespace P402.Dashboard.Facilitator;

/// <summary>Maps Core outcomes to the x402 + P402 response objects.</summary>
internal static class FacilitatorResponses
{
    public static VerifyResponse Verify(VerifyOutcome outcome, int x402Version, string requestId) => new(
        outcome.IsValid,
        outcome.Code is { } code ? PaymentCodes.X402Reason(code, x402Version) : null,
        outcome.Message,
        outcome.Payer,
        outcome.IsValid,
        outcome.Code is { } reason ? PaymentCodes.Name(reason) : null,
        outcome.Message,
        requestId);

    /// <summary>The settlement outcome; <paramref name="network"/> in the request's x402 version's words ("base" for v1).</summary>
    public static SettleResponse Settle(SettleOutcome outcome, string network, int x402Version, string requestId, ReceiptResponse? receipt,
        ReceiptErrorResponse? receiptError) => new(
        outcome.Success,
        outcome.Code is { } code ? PaymentCodes.X402Reason(code, x402Version) : null,
        outcome.Message,
        outcome.Transaction,
        network,
        outcome.Payer,
        outcome.Transaction,
        outcome.Success,
        outcome.Code is { } reason ? PaymentCodes.Name(reason) : null,
        outcome.Message,
        outcome.Settlement?.Id,
        outcome.Settlement?.Status.ToString(),
        receipt,
        receiptError,
        requestId);

    /// <summary>A malformed request's 400 still says, in x402's words, that the payment is not valid.</summary>
    public static Dictionary<string, object?> InvalidPayloadFields(bool settle) => settle
        ? new() { ["success"] = false, ["errorReason"] = "invalid_payload", ["reason"] = "INVALID_PAYLOAD", ["valid"] = false }
        : new() { ["isValid"] = false, ["invalidReason"] = "invalid_payload", ["reason"] = "INVALID_PAYLOAD", ["valid"] = false };
}
