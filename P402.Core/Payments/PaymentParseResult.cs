namespace P402.Core.Payments;

/// <summary>Either a parsed payment or the reason the request is malformed.</summary>
public sealed record PaymentParseResult(ParsedPayment? Payment, string? Error)
{
    public static PaymentParseResult Ok(ParsedPayment payment) => new(payment, null);

    public static PaymentParseResult Fail(string error) => new(null, error);
}
