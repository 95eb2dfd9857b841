namespace P402.Core.Payments;

/// <summary>The verdict on one payment; <see cref="Payer"/> is known whenever the payload parsed.</summary>
public sealed record VerifyOutcome(bool IsValid, PaymentCode? Code, string? Message, string Payer)
{
    /// <summary>For a valid payment: how to settle it (EOA, contract wallet, or deploy-then-pay).</summary>
    internal Signatures.SettlementPlan? Plan { get; init; }

    /// <summary>For a valid payment: who pays, as the chain sees the payer now.</summary>
    public Signatures.PayerKind? PayerKind => Plan?.PayerKind;

    public static VerifyOutcome Valid(string payer) => new(true, null, null, payer);

    public static VerifyOutcome Invalid(PaymentCode code, string message, string payer) => new(false, code, message, payer);
}
