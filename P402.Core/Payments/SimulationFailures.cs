namespace P402.Core.Payments;

/// <summary>Names a simulated transfer's revert with the code a client can act on.</summary>
internal static class SimulationFailures
{
    public static PaymentCode Classify(string revertReason) => revertReason switch
    {
        _ when Has(revertReason, "authorization is used") => PaymentCode.ReplayDetected,
        _ when Has(revertReason, "exceeds balance") => PaymentCode.InsufficientFunds,
        _ when Has(revertReason, "invalid signature") => PaymentCode.InvalidSignature,
        _ when Has(revertReason, "authorization is expired") => PaymentCode.AuthorizationExpired,
        _ when Has(revertReason, "not yet valid") => PaymentCode.AuthorizationNotYetValid,
        _ => PaymentCode.SimulationFailed,
    };

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
