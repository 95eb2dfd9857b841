namespace P402.Core.Payments;

/// <summary>The verdict on one payment; <see cref="Payer"/> is known whenever the payload parsed.</summary>
public sealed record VerifyOutcome(bool IsValid, PaymentCode? Code, string? Message, string Payer)
{
    public static VerifyOutcome Valid(string payer) => new(true, null, null, payer);

    public static VerifyOutcome Invalid(PaymentCode code, string message, string payer) => new(false, code, message, payer);
}
